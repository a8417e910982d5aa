using System.Collections.Immutable;

namespace Monitoring.Core.Secrets;

/// <summary>
/// Remembers every secret value the process has read and removes them from text before it is
/// logged, stored or served. Values shorter than <see cref="MinimumLength"/> are not tracked:
/// redacting "1" or "on" everywhere would destroy every message while protecting nothing.
/// </summary>
public sealed class SecretRedactor
{
    /// <summary>What a redacted value is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The shortest value that is treated as a secret.</summary>
    public const int MinimumLength = 4;

    private ImmutableArray<string> secrets = [];
    private readonly Lock gate = new();

    /// <summary>Adds <paramref name="value"/> (and its URL-encoded form) to the redacted set.</summary>
    public void Register(string? value)
    {
        if (value is null || value.Length < MinimumLength)
        {
            return;
        }

        lock (gate)
        {
            var next = secrets;
            foreach (var form in new[] { value, Uri.EscapeDataString(value), System.Text.Json.JsonEncodedText.Encode(value).ToString() })
            {
                if (!next.Contains(form, StringComparer.Ordinal))
                {
                    next = next.Add(form);
                }
            }

            // Longest first, so a secret that contains another is masked whole.
            secrets = [.. next.OrderByDescending(s => s.Length)];
        }
    }

    /// <summary>Returns <paramref name="text"/> with every known secret replaced by <see cref="Mask"/>.</summary>
    public string? Redact(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return text;
        }

        var current = secrets;
        foreach (var secret in current)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
