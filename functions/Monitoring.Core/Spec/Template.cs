using System.Collections.Immutable;
using System.Text;

namespace Monitoring.Core.Spec;

/// <summary>
/// A spec string with references: <c>{{name}}</c> for a variable, <c>${env:NAME}</c> or
/// <c>${env:NAME:-default}</c> for an environment value. Environment values are read when the
/// template is rendered, never at load, so secrets live only as long as a run needs them.
/// </summary>
public sealed class Template : IEquatable<Template>
{
    private Template(string text, ImmutableArray<TemplatePart> parts)
    {
        Text = text;
        Parts = parts;
    }

    /// <summary>The template as written in the spec (safe to show: it holds references, not values).</summary>
    public string Text { get; }

    /// <summary>The literal and reference parts, in order.</summary>
    public ImmutableArray<TemplatePart> Parts { get; }

    /// <summary>True when the template holds no references.</summary>
    public bool IsLiteral => Parts.All(p => p is LiteralPart);

    /// <summary>The variable names referenced, in order of first use.</summary>
    public IEnumerable<string> VariableNames => Parts.OfType<VariablePart>().Select(p => p.Name).Distinct(StringComparer.Ordinal);

    /// <summary>The environment references, in order of first use.</summary>
    public IEnumerable<EnvironmentPart> EnvironmentReferences => Parts.OfType<EnvironmentPart>();

    /// <summary>A template that is exactly <paramref name="text"/>, with no references.</summary>
    public static Template Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new Template(text, text.Length == 0 ? [] : [new LiteralPart(text)]);
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="FormatException"/> when a reference is malformed.</summary>
    public static Template Parse(string text)
    {
        if (TryParse(text, out var template, out var error))
        {
            return template;
        }

        throw new FormatException(error);
    }

    /// <summary>Parses <paramref name="text"/>, or says why it cannot.</summary>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Template? template, [System.Diagnostics.CodeAnalysis.NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = ImmutableArray.CreateBuilder<TemplatePart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            if (string.CompareOrdinal(text, i, "{{", 0, 2) == 0)
            {
                var end = text.IndexOf("}}", i + 2, StringComparison.Ordinal);
                if (end < 0)
                {
                    return Fail($"'{{{{' at position {i} has no closing '}}}}'", out template, out error);
                }

                var name = text[(i + 2)..end].Trim();
                if (!IsIdentifier(name))
                {
                    return Fail($"'{{{{{name}}}}}' is not a valid variable reference: names use letters, digits, '_' and '-' and start with a letter", out template, out error);
                }

                FlushLiteral(parts, literal);
                parts.Add(new VariablePart(name));
                i = end + 2;
                continue;
            }

            if (string.CompareOrdinal(text, i, "${", 0, 2) == 0)
            {
                var end = text.IndexOf('}', i + 2);
                if (end < 0)
                {
                    return Fail($"'${{' at position {i} has no closing '}}'", out template, out error);
                }

                var body = text[(i + 2)..end];
                if (!body.StartsWith("env:", StringComparison.Ordinal))
                {
                    return Fail($"'${{{body}}}' is not a supported reference: use ${{env:NAME}}", out template, out error);
                }

                var reference = body[4..];
                string? fallback = null;
                var defaultAt = reference.IndexOf(":-", StringComparison.Ordinal);
                if (defaultAt >= 0)
                {
                    fallback = reference[(defaultAt + 2)..];
                    reference = reference[..defaultAt];
                }

                if (!IsEnvironmentName(reference))
                {
                    return Fail($"'${{{body}}}' does not name an environment variable: use letters, digits and '_'", out template, out error);
                }

                FlushLiteral(parts, literal);
                parts.Add(new EnvironmentPart(reference, fallback));
                i = end + 1;
                continue;
            }

            literal.Append(text[i]);
            i++;
        }

        FlushLiteral(parts, literal);
        template = new Template(text, parts.ToImmutable());
        error = null;
        return true;
    }

    /// <summary>
    /// Renders the template. Environment values read here are registered with the scope's
    /// redactor before they are returned, so they can never surface unredacted later.
    /// </summary>
    /// <exception cref="TemplateRenderException">A variable is not set or an environment value is missing.</exception>
    public string Render(TemplateScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (Parts.Length == 1 && Parts[0] is LiteralPart only)
        {
            return only.Text;
        }

        var result = new StringBuilder();
        foreach (var part in Parts)
        {
            switch (part)
            {
                case LiteralPart literal:
                    result.Append(literal.Text);
                    break;
                case VariablePart variable:
                    if (!scope.Variables.TryGetValue(variable.Name, out var value))
                    {
                        throw new TemplateRenderException(TemplateRenderFailure.MissingVariable, variable.Name, $"Variable '{variable.Name}' is not set.");
                    }

                    result.Append(value);
                    break;
                case EnvironmentPart environment:
                    var environmentValue = scope.Environment.Get(environment.Name);
                    if (environmentValue is not null)
                    {
                        scope.Redactor.Register(environmentValue);
                        result.Append(environmentValue);
                    }
                    else if (environment.Default is not null)
                    {
                        result.Append(environment.Default);
                    }
                    else
                    {
                        throw new TemplateRenderException(TemplateRenderFailure.MissingEnvironment, environment.Name, $"Environment variable '{environment.Name}' is not set.");
                    }

                    break;
            }
        }

        return result.ToString();
    }

    /// <inheritdoc/>
    public bool Equals(Template? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as Template);

    /// <inheritdoc/>
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc/>
    public override string ToString() => Text;

    /// <summary>True for a variable name: a letter, then letters, digits, '_' or '-'.</summary>
    public static bool IsIdentifier(string name) =>
        name.Length > 0 && char.IsAsciiLetter(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static bool IsEnvironmentName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static void FlushLiteral(ImmutableArray<TemplatePart>.Builder parts, StringBuilder literal)
    {
        if (literal.Length > 0)
        {
            parts.Add(new LiteralPart(literal.ToString()));
            literal.Clear();
        }
    }

    private static bool Fail(string message, out Template? template, out string? error)
    {
        template = null;
        error = message;
        return false;
    }
}

/// <summary>One piece of a <see cref="Template"/>.</summary>
public abstract record TemplatePart;

/// <summary>Text taken as is.</summary>
public sealed record LiteralPart(string Text) : TemplatePart;

/// <summary>A <c>{{name}}</c> reference to a spec or extracted variable.</summary>
public sealed record VariablePart(string Name) : TemplatePart;

/// <summary>A <c>${env:NAME}</c> reference, with an optional default from <c>${env:NAME:-default}</c>.</summary>
public sealed record EnvironmentPart(string Name, string? Default) : TemplatePart;
