using System.Collections.Immutable;
using Monitoring.Core.Spec.Loading.Nodes;

namespace Monitoring.Core.Spec.Validation;

/// <summary>Maps one step (an item of <c>steps</c>, or a check's single <c>request</c>).</summary>
internal static class StepMapper
{
    /// <summary>
    /// The step, or null when it is wrong (everything wrong is reported). A <c>request</c> passes
    /// the check's name as <paramref name="fixedName"/>; a journey step has its own.
    /// </summary>
    public static StepSpec? Map(SpecNode node, SpecPath path, string? fixedName, MappingContext context, VariableScope scope)
    {
        var allowed = fixedName is null ? SpecFields.Step : SpecFields.Request;
        if (MappingReader.Open(node, path, context.Errors, allowed) is not { } step)
        {
            return null;
        }

        var name = fixedName ?? step.Name("name");
        if (fixedName is null && !step.Has("name"))
        {
            step.ReportMissing("name");
        }

        var method = Method(step);
        var url = Url(step, context, scope);
        var headers = step.Map("headers") is { } own
            ? context.Defaults.Headers.AddRange(context.Templates.ReadHeaders(own, step.PathOf("headers"), scope))
            : context.Defaults.Headers;
        var body = BodyMapper.Map(step.Node("body"), step.PathOf("body"), context, scope);
        var timeout = step.Duration("timeout") ?? context.Defaults.Timeout;
        var degradedAfter = step.Duration("degradedAfter");
        var followRedirects = step.Bool("followRedirects") ?? context.Defaults.FollowRedirects;
        var extractions = ExtractionMapper.Map(step.Map("extract"), step.PathOf("extract"), context.Errors);
        var assertions = Assertions(step, context, scope);
        var always = step.Bool("always") ?? false;

        if (name is null || method is null || url is null)
        {
            return null;
        }

        return new StepSpec(name, method, url, headers, body, timeout, degradedAfter, followRedirects, extractions, assertions, always);
    }

    private static string? Method(MappingReader step)
    {
        var method = step.Text("method");
        if (method is null)
        {
            return step.Has("method") ? null : "GET";
        }

        if (!SpecFields.Methods.Contains(method, StringComparer.Ordinal))
        {
            step.Errors.Add(step.PathOf("method"), step.Node("method"), $"'{method}' is not a supported method; use one of {string.Join(", ", SpecFields.Methods)}");
            return null;
        }

        return method;
    }

    private static Template? Url(MappingReader step, MappingContext context, VariableScope scope)
    {
        if (step.Node("url") is not { } node)
        {
            step.ReportMissing("url");
            return null;
        }

        var url = context.Templates.Read(node, step.PathOf("url"), scope);
        if (url is { IsLiteral: true } && !IsAbsoluteHttp(url.Text))
        {
            context.Errors.Add(step.PathOf("url"), node, $"'{url.Text}' is not an absolute http or https URL");
            return null;
        }

        return url;
    }

    /// <summary>True for an absolute http or https URL.</summary>
    public static bool IsAbsoluteHttp(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    private static ImmutableArray<AssertionSpec> Assertions(MappingReader step, MappingContext context, VariableScope scope)
    {
        if (step.List("assertions") is not { } list)
        {
            return [];
        }

        var result = ImmutableArray.CreateBuilder<AssertionSpec>(list.Items.Length);
        for (var i = 0; i < list.Items.Length; i++)
        {
            if (AssertionMapper.Map(list.Items[i], step.PathOf("assertions").Item(i, null), context, scope) is { } assertion)
            {
                result.Add(assertion);
            }
        }

        return result.ToImmutable();
    }
}
