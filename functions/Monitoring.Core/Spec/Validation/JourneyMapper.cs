using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps a check's <c>steps</c>: unique step names, and variables extracted by a step usable only by the steps after it.</summary>
internal static class JourneyMapper
{
    /// <summary>The steps, or null when any is wrong (everything wrong is reported).</summary>
    public static ImmutableArray<StepSpec>? Map(SpecSequence steps, SpecPath path, MappingContext context, VariableScope scope)
    {
        if (steps.Items.IsEmpty)
        {
            context.Errors.Add(path, steps, "must list at least one step");
            return null;
        }

        var outlines = steps.Items.Select(Outline).ToList();
        var result = ImmutableArray.CreateBuilder<StepSpec>(steps.Items.Length);
        var firstByName = new Dictionary<string, int>(StringComparer.Ordinal);
        var valid = true;
        for (var i = 0; i < steps.Items.Length; i++)
        {
            var (name, extracted) = outlines[i];
            var stepPath = path.Item(i, name);
            if (name is not null && !firstByName.TryAdd(name, i))
            {
                var first = path.Item(firstByName[name], name);
                context.Errors.Add(stepPath.Field("name"), NameNode(steps.Items[i]), $"duplicate step name '{name}': {first} already uses it");
                valid = false;
            }

            var stepScope = scope.WithLaterExtractions(LaterExtractions(outlines, i));
            if (StepMapper.Map(steps.Items[i], stepPath, null, context, stepScope) is { } step)
            {
                result.Add(step);
            }
            else
            {
                valid = false;
            }

            // Defined even when the extraction itself is wrong, so one mistake is reported once.
            scope = extracted.Aggregate(scope, (s, variable) => s.Define(variable));
        }

        return valid ? result.MoveToImmutable() : null;
    }

    // Name and extracted variables, read ahead for messages and duplicate detection.
    private static (string? Name, ImmutableArray<string> Extracted) Outline(SpecNode node)
    {
        if (node is not SpecMapping mapping)
        {
            return (null, []);
        }

        var name = mapping.Find("name")?.Value is SpecScalar { Kind: not ScalarKind.Null } scalar ? scalar.Text : null;
        var extracted = mapping.Find("extract")?.Value is SpecMapping extract ? extract.Entries.Select(e => e.Key).ToImmutableArray() : [];
        return (name, extracted);
    }

    private static SpecNode NameNode(SpecNode step) => (step as SpecMapping)?.Find("name")?.Value ?? step;

    private static ImmutableDictionary<string, string> LaterExtractions(List<(string? Name, ImmutableArray<string> Extracted)> outlines, int from)
    {
        var later = ImmutableDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        for (var i = from; i < outlines.Count; i++)
        {
            foreach (var variable in outlines[i].Extracted)
            {
                later.TryAdd(variable, outlines[i].Name ?? $"#{i}");
            }
        }

        return later.ToImmutable();
    }
}
