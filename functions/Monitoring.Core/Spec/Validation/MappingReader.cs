using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Reads the fields of one spec mapping, having reported any field it does not allow.</summary>
internal sealed class MappingReader
{
    private MappingReader(SpecMapping mapping, SpecPath path, SpecErrorList errors)
    {
        Mapping = mapping;
        Path = path;
        Errors = errors;
    }

    /// <summary>The mapping read.</summary>
    public SpecMapping Mapping { get; }

    /// <summary>Where the mapping is.</summary>
    public SpecPath Path { get; }

    /// <summary>Where errors go.</summary>
    public SpecErrorList Errors { get; }

    /// <summary>
    /// Opens <paramref name="node"/> as a mapping with the given fields; null (after reporting) when it is not a mapping.
    /// Fields in <paramref name="reportedElsewhere"/> are neither allowed nor reported here.
    /// </summary>
    public static MappingReader? Open(SpecNode node, SpecPath path, SpecErrorList errors, ImmutableArray<string> allowed, ImmutableArray<string> reportedElsewhere = default)
    {
        if (node is not SpecMapping mapping)
        {
            errors.Add(path, node, $"expected a mapping, not {ValueReader.Show(node)}");
            return null;
        }

        foreach (var entry in mapping.Entries)
        {
            if (!allowed.Contains(entry.Key, StringComparer.Ordinal) && !(!reportedElsewhere.IsDefault && reportedElsewhere.Contains(entry.Key, StringComparer.Ordinal)))
            {
                errors.Add(path.Field(entry.Key), entry, UnknownFieldMessage(entry.Key, allowed));
            }
        }

        return new MappingReader(mapping, path, errors);
    }

    /// <summary>The message for a field that is not allowed, with a suggestion when one is close.</summary>
    public static string UnknownFieldMessage(string key, ImmutableArray<string> allowed)
    {
        var suggestion = FieldSuggestion.Closest(key, allowed);
        var hint = suggestion is null ? string.Empty : $" (did you mean '{suggestion}'?)";
        return $"unknown field '{key}'{hint}; allowed fields: {string.Join(", ", allowed)}";
    }

    /// <summary>True when the field is present.</summary>
    public bool Has(string key) => Mapping.Find(key) is not null;

    /// <summary>The field's value node, or null.</summary>
    public SpecNode? Node(string key) => Mapping.Find(key)?.Value;

    /// <summary>The path of a field.</summary>
    public SpecPath PathOf(string key) => Path.Field(key);

    /// <summary>The field as text, or null when absent or wrong.</summary>
    public string? Text(string key) => Node(key) is { } node ? ValueReader.Text(node, PathOf(key), Errors) : null;

    /// <summary>The field as a name, or null when absent or wrong.</summary>
    public string? Name(string key) => Node(key) is { } node ? ValueReader.Name(node, PathOf(key), Errors) : null;

    /// <summary>The field as a boolean, or null when absent or wrong.</summary>
    public bool? Bool(string key) => Node(key) is { } node ? ValueReader.Bool(node, PathOf(key), Errors) : null;

    /// <summary>The field as a whole number in range, or null when absent or wrong.</summary>
    public int? Integer(string key, int min, int max) => Node(key) is { } node ? ValueReader.Integer(node, PathOf(key), Errors, min, max) : null;

    /// <summary>The field as a whole number in range that may pass int's, or null when absent or wrong.</summary>
    public long? Long(string key, long min, long max) => Node(key) is { } node ? ValueReader.Long(node, PathOf(key), Errors, min, max) : null;

    /// <summary>The field as a number, or null when absent or wrong.</summary>
    public double? Number(string key) => Node(key) is { } node ? ValueReader.Number(node, PathOf(key), Errors) : null;

    /// <summary>The field as a duration, or null when absent or wrong.</summary>
    public TimeSpan? Duration(string key) => Node(key) is { } node ? ValueReader.Duration(node, PathOf(key), Errors) : null;

    /// <summary>The field as a fixed-field section, or null when absent or not a mapping.</summary>
    public MappingReader? Section(string key, ImmutableArray<string> allowed) =>
        Node(key) is { } node ? Open(node, PathOf(key), Errors, allowed) : null;

    /// <summary>The field as a free-form map (names chosen by the author), or null when absent or not a mapping.</summary>
    public SpecMapping? Map(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case SpecMapping mapping:
                return mapping;
            case var other:
                Errors.Add(PathOf(key), other, $"expected a mapping, not {ValueReader.Show(other)}");
                return null;
        }
    }

    /// <summary>The field as a list, or null when absent or not a list.</summary>
    public SpecSequence? List(string key)
    {
        switch (Node(key))
        {
            case null:
                return null;
            case SpecSequence sequence:
                return sequence;
            case var other:
                Errors.Add(PathOf(key), other, $"expected a list, not {ValueReader.Show(other)}");
                return null;
        }
    }

    /// <summary>Reports that a required field is missing, located at this mapping.</summary>
    public void ReportMissing(string key) => Errors.Add(PathOf(key), Mapping, "is required");
}
