using System.Globalization;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Reads typed values from nodes, reporting a wrong type or range instead of throwing.</summary>
internal static class ValueReader
{
    /// <summary>Any non-null scalar as text (numbers and booleans as written).</summary>
    public static string? Text(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (node is SpecScalar { Kind: not ScalarKind.Null } scalar)
        {
            return scalar.Text;
        }

        errors.Add(path, node, $"expected text, not {Show(node)}");
        return null;
    }

    /// <summary>A name: a letter, then letters, digits, '-' or '_'.</summary>
    public static string? Name(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        var text = Text(node, path, errors);
        if (text is not null && !Template.IsIdentifier(text))
        {
            errors.Add(path, node, NameMessage(text));
            return null;
        }

        return text;
    }

    /// <summary>The message for a name that breaks the naming rule.</summary>
    public static string NameMessage(string text) => $"'{text}' is not a valid name: use a letter, then letters, digits, '-' or '_'";

    /// <summary>true or false.</summary>
    public static bool? Bool(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (node is SpecScalar { Kind: ScalarKind.Boolean } scalar)
        {
            return string.Equals(scalar.Text, "true", StringComparison.OrdinalIgnoreCase);
        }

        errors.Add(path, node, $"expected true or false, not {Show(node)}");
        return null;
    }

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public static int? Integer(SpecNode node, SpecPath path, SpecErrorList errors, int min, int max) =>
        (int?)Long(node, path, errors, min, max);

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, for counts that may pass int's range.</summary>
    public static long? Long(SpecNode node, SpecPath path, SpecErrorList errors, long min, long max)
    {
        if (node is not SpecScalar { Kind: ScalarKind.Integer } scalar
            || !long.TryParse(scalar.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            errors.Add(path, node, $"expected a whole number, not {Show(node)}");
            return null;
        }

        if (value < min || value > max)
        {
            errors.Add(path, node, string.Create(CultureInfo.InvariantCulture, $"must be from {min} to {max}, not {value}"));
            return null;
        }

        return value;
    }

    /// <summary>A number, whole or not.</summary>
    public static double? Number(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (node is not SpecScalar { Kind: ScalarKind.Integer or ScalarKind.Float } scalar
            || !double.TryParse(scalar.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
            || !double.IsFinite(value))
        {
            errors.Add(path, node, $"expected a number, not {Show(node)}");
            return null;
        }

        return value;
    }

    /// <summary>A duration longer than zero, such as <c>30s</c>.</summary>
    public static TimeSpan? Duration(SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (node is not SpecScalar { Kind: not ScalarKind.Null } scalar || !Durations.TryParse(scalar.Text, out var value))
        {
            errors.Add(path, node, $"{Show(node)} is not a duration: use whole numbers with units (ms, s, m, h, d), e.g. 500ms, 30s or 1m30s");
            return null;
        }

        if (value <= TimeSpan.Zero)
        {
            errors.Add(path, node, $"'{scalar.Text}' must be longer than zero");
            return null;
        }

        return value;
    }

    /// <summary>A node shown in a message: a scalar quoted as written, anything else by its kind.</summary>
    public static string Show(SpecNode node) =>
        node is SpecScalar { Kind: not ScalarKind.Null } scalar ? $"'{scalar.Text}'" : node.Description;
}
