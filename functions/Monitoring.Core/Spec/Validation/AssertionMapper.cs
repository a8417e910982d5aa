using System.Globalization;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps one item of a step's <c>assertions</c>.</summary>
internal static class AssertionMapper
{
    private const int LowestStatus = 100;
    private const int HighestStatus = 599;

    /// <summary>The assertion, or null after reporting what is wrong with it.</summary>
    public static AssertionSpec? Map(SpecNode node, SpecPath path, MappingContext context, VariableScope scope)
    {
        var errors = context.Errors;
        if (MappingReader.Open(node, path, errors, SpecFields.Assertion) is not { } reader)
        {
            return null;
        }

        var severity = Severity(reader);
        var targets = SpecFields.AssertionTargets.Where(reader.Has).ToList();
        if (targets.Count != 1)
        {
            errors.Add(path, node, targets.Count == 0
                ? "needs exactly one target: status, latency, body, certDaysLeft, header or json"
                : $"has more than one target ({string.Join(", ", targets)}): write one assertion per target");
            return null;
        }

        var key = targets[0];
        var target = AssertionRules.Targets[key];
        var operation = AssertionRules.HasSelector(target) ? OperatorBeside(reader, key) : OperatorInside(reader, key);
        if (operation is not var (operatorKey, expectedNode, expectedPath))
        {
            return null;
        }

        var op = AssertionRules.Operators[operatorKey];
        if (!AssertionRules.Applies(target, op))
        {
            errors.Add(expectedPath, expectedNode, $"'{operatorKey}' does not apply to {key}; use one of {string.Join(", ", AssertionRules.OperatorsFor(target))}");
            return null;
        }

        var selector = AssertionRules.HasSelector(target) ? Selector(reader, key, target) : null;
        var expected = Expected(target, op, expectedNode, expectedPath, context, scope);
        if (expected is null || severity is null || (AssertionRules.HasSelector(target) && selector is null))
        {
            return null;
        }

        return new AssertionSpec(target, selector, op, expected, severity.Value);
    }

    private static AssertionSeverity? Severity(MappingReader reader)
    {
        switch (reader.Text("severity"))
        {
            case null when !reader.Has("severity"):
            case "fail":
                return AssertionSeverity.Fail;
            case "degrade":
                return AssertionSeverity.Degrade;
            case null:
                return null;
            case var other:
                reader.Errors.Add(reader.PathOf("severity"), reader.Node("severity"), $"'{other}' is not a severity: use fail or degrade");
                return null;
        }
    }

    // header: NAME / json: PATH, with the operator as a sibling key.
    private static (string Key, SpecNode Node, SpecPath Path)? OperatorBeside(MappingReader reader, string targetKey)
    {
        var operators = SpecFields.AssertionOperators.Where(reader.Has).ToList();
        if (operators.Count != 1)
        {
            reader.Errors.Add(reader.Path, reader.Mapping, $"needs exactly one operator beside '{targetKey}' ({string.Join(", ", SpecFields.AssertionOperators)}), but has {Found(operators)}");
            return null;
        }

        return (operators[0], reader.Node(operators[0])!, reader.PathOf(operators[0]));
    }

    // status: 200, or status: { lessThan: 400 }.
    private static (string Key, SpecNode Node, SpecPath Path)? OperatorInside(MappingReader reader, string targetKey)
    {
        var misplaced = SpecFields.AssertionOperators.Where(reader.Has).ToList();
        foreach (var key in misplaced)
        {
            reader.Errors.Add(reader.PathOf(key), reader.Mapping.Find(key)!, $"'{key}' belongs inside '{targetKey}', e.g. {targetKey}: {{ {key}: ... }}");
        }

        var value = reader.Node(targetKey)!;
        switch (value)
        {
            case SpecMapping:
                if (MappingReader.Open(value, reader.PathOf(targetKey), reader.Errors, SpecFields.AssertionOperators) is not { } inside)
                {
                    return null;
                }

                var operators = SpecFields.AssertionOperators.Where(inside.Has).ToList();
                if (operators.Count != 1)
                {
                    reader.Errors.Add(inside.Path, value, $"needs exactly one operator, but has {Found(operators)}");
                    return null;
                }

                return (operators[0], inside.Node(operators[0])!, inside.PathOf(operators[0]));
            case SpecSequence:
                reader.Errors.Add(reader.PathOf(targetKey), value, "expected a value or an operator mapping such as { lessThan: 400 }, not a list");
                return null;
            default:
                return misplaced.Count > 0 ? null : ("equals", value, reader.PathOf(targetKey));
        }
    }

    private static string? Selector(MappingReader reader, string key, AssertionTarget target)
    {
        var selector = DefaultsMapper.NonEmpty(reader, key);
        if (selector is not null && target == AssertionTarget.Json && !Probes.JsonPath(selector, reader.Node(key)!, reader.PathOf(key), reader.Errors))
        {
            return null;
        }

        return selector;
    }

    private static Template? Expected(AssertionTarget target, AssertionOperator op, SpecNode node, SpecPath path, MappingContext context, VariableScope scope)
    {
        var errors = context.Errors;
        if (op == AssertionOperator.Exists)
        {
            return ValueReader.Bool(node, path, errors) is { } exists ? Template.Literal(exists ? "true" : "false") : null;
        }

        switch (target)
        {
            case AssertionTarget.Status:
                return ValueReader.Integer(node, path, errors, LowestStatus, HighestStatus) is { } status ? Literal(status) : null;
            case AssertionTarget.CertificateDaysLeft:
                return ValueReader.Integer(node, path, errors, int.MinValue, int.MaxValue) is { } days ? Literal(days) : null;
            case AssertionTarget.Latency:
                return ValueReader.Duration(node, path, errors) is { } latency
                    ? Template.Literal(((long)latency.TotalMilliseconds).ToString(CultureInfo.InvariantCulture))
                    : null;
        }

        var template = context.Templates.Read(node, path, scope);
        if (template is { IsLiteral: true })
        {
            if (op == AssertionOperator.Matches && Probes.Regex(template.Text, node, path, errors) is null)
            {
                return null;
            }

            if (AssertionRules.IsNumeric(op) && !double.TryParse(template.Text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            {
                errors.Add(path, node, $"'{template.Text}' is not a number");
                return null;
            }
        }

        return template;
    }

    private static Template Literal(int value) => Template.Literal(value.ToString(CultureInfo.InvariantCulture));

    private static string Found(List<string> keys) => keys.Count == 0 ? "none" : string.Join(" and ", keys);
}
