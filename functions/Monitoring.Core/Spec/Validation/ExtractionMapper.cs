using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps a step's <c>extract</c> map.</summary>
internal static class ExtractionMapper
{
    private const int MaxGroup = 99;

    /// <summary>The extractions that are valid, in order.</summary>
    public static ImmutableArray<ExtractionSpec> Map(SpecMapping? extract, SpecPath path, SpecErrorList errors)
    {
        if (extract is null)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<ExtractionSpec>();
        foreach (var entry in extract.Entries)
        {
            var entryPath = path.Field(entry.Key);
            if (!Template.IsIdentifier(entry.Key))
            {
                errors.Add(entryPath, entry, ValueReader.NameMessage(entry.Key));
            }

            if (MapOne(entry.Key, entry.Value, entryPath, errors) is { } extraction)
            {
                result.Add(extraction);
            }
        }

        return result.ToImmutable();
    }

    private static ExtractionSpec? MapOne(string variable, SpecNode node, SpecPath path, SpecErrorList errors)
    {
        if (MappingReader.Open(node, path, errors, SpecFields.Extraction) is not { } reader)
        {
            return null;
        }

        var sources = SpecFields.ExtractionSources.Where(reader.Has).ToList();
        if (sources.Count != 1)
        {
            var found = sources.Count == 0 ? "none" : string.Join(" and ", sources);
            errors.Add(path, node, $"needs exactly one of json, header or regex, but has {found}");
        }

        var group = reader.Integer("group", 0, MaxGroup);
        if (reader.Has("group") && !reader.Has("regex"))
        {
            errors.Add(reader.PathOf("group"), reader.Node("group"), "applies only to regex extractions");
        }

        ExtractionSpec? result = null;
        if (reader.Text("json") is { } jsonPath && Probes.JsonPath(jsonPath, reader.Node("json")!, reader.PathOf("json"), errors))
        {
            result = new ExtractionSpec(variable, ExtractionSource.JsonPath, jsonPath, 0);
        }

        if (DefaultsMapper.NonEmpty(reader, "header") is { } header)
        {
            result = new ExtractionSpec(variable, ExtractionSource.Header, header, 0);
        }

        if (reader.Text("regex") is { } pattern && Probes.Regex(pattern, reader.Node("regex")!, reader.PathOf("regex"), errors) is { } regex)
        {
            var groups = regex.GetGroupNumbers().Max();
            var chosen = group ?? (groups > 0 ? 1 : 0);
            if (chosen > groups)
            {
                errors.Add(reader.PathOf("group"), reader.Node("group"), string.Create(CultureInfo.InvariantCulture, $"the pattern has no group {chosen}: it has {groups} capture group(s)"));
            }

            result = new ExtractionSpec(variable, ExtractionSource.Regex, pattern, chosen);
        }

        return sources.Count == 1 ? result : null;
    }
}
