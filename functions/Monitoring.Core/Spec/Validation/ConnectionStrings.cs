using System.Text.RegularExpressions;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Finds passwords written into a connection string, which belong in the environment (or Key Vault) instead.</summary>
internal static partial class ConnectionStrings
{
    /// <summary>
    /// True when the written text itself gives a <c>Password</c> (or <c>Pwd</c>) value, in the literal text or in an
    /// environment reference's default. <c>Password=${env:DB_PASSWORD}</c> passes: the value is read at run time and redacted.
    /// </summary>
    public static bool HasLiteralPassword(Template template)
    {
        var written = template.Parts
            .Select(p => p switch { LiteralPart literal => literal.Text, EnvironmentPart { Default: { } fallback } => fallback, _ => null })
            .OfType<string>();
        foreach (var text in written)
        {
            foreach (Match key in PasswordKey().Matches(text))
            {
                // The value runs to the next ';'. Nothing before the end of this text means a reference follows.
                var rest = text[(key.Index + key.Length)..];
                var end = rest.IndexOf(';', StringComparison.Ordinal);
                if (!string.IsNullOrWhiteSpace(end < 0 ? rest : rest[..end]))
                {
                    return true;
                }
            }
        }

        return false;
    }

    [GeneratedRegex(@"(?:^|;)\s*(?:password|pwd)\s*=", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PasswordKey();
}
