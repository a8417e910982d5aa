using System.Collections.Immutable;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>
/// Reads templates and checks their references: syntax, variables defined before use, and
/// environment variables without a default that are not set. Values are never resolved here.
/// </summary>
internal sealed class TemplateReader(SpecErrorList errors, IEnvironmentVariables environment)
{
    /// <summary>The node as a template, or null (after reporting) when it is not one.</summary>
    public Template? Read(SpecNode node, SpecPath path, VariableScope scope)
    {
        var text = ValueReader.Text(node, path, errors);
        return text is null ? null : Parse(text, node, path, scope);
    }

    /// <summary>Parses <paramref name="text"/> written at <paramref name="node"/>, reporting every problem.</summary>
    public Template? Parse(string text, SpecNode node, SpecPath path, VariableScope scope)
    {
        if (!Template.TryParse(text, out var template, out var error))
        {
            errors.Add(path, node, $"malformed template: {error}");
            return null;
        }

        foreach (var name in template.EnvironmentReferences.Where(r => r.Default is null).Select(r => r.Name).Distinct(StringComparer.Ordinal))
        {
            if (environment.Get(name) is null)
            {
                errors.Add(path, node, $"environment variable '{name}' is not set (set it, or give a default with ${{env:{name}:-default}})");
            }
        }

        foreach (var name in template.VariableNames.Where(n => !scope.IsDefined(n)))
        {
            errors.Add(path, node, scope.UndefinedMessage(name));
        }

        return template;
    }

    /// <summary>
    /// Reads a <c>variables</c> map in order: each value may use the variables before it.
    /// Returns the variables and the scope with them defined.
    /// </summary>
    public (ImmutableArray<KeyValuePair<string, Template>> Variables, VariableScope Scope) ReadVariables(SpecMapping map, SpecPath path, VariableScope scope)
    {
        var variables = ImmutableArray.CreateBuilder<KeyValuePair<string, Template>>();
        foreach (var entry in map.Entries)
        {
            var entryPath = path.Field(entry.Key);
            if (!Template.IsIdentifier(entry.Key))
            {
                errors.Add(entryPath, entry, ValueReader.NameMessage(entry.Key));
            }

            if (Read(entry.Value, entryPath, scope) is { } template)
            {
                variables.Add(new(entry.Key, template));
            }

            scope = scope.Define(entry.Key);
        }

        return (variables.ToImmutable(), scope);
    }

    /// <summary>Reads a <c>headers</c> map, in order.</summary>
    public ImmutableArray<HeaderSpec> ReadHeaders(SpecMapping map, SpecPath path, VariableScope scope)
    {
        var headers = ImmutableArray.CreateBuilder<HeaderSpec>();
        foreach (var entry in map.Entries)
        {
            var entryPath = path.Field(entry.Key);
            if (string.IsNullOrWhiteSpace(entry.Key) || entry.Key.Any(c => char.IsWhiteSpace(c) || c == ':' || char.IsControl(c)))
            {
                errors.Add(entryPath, entry, $"'{entry.Key}' is not a valid header name");
            }

            if (Read(entry.Value, entryPath, scope) is { } template)
            {
                headers.Add(new HeaderSpec(entry.Key, template));
            }
        }

        return headers.ToImmutable();
    }
}
