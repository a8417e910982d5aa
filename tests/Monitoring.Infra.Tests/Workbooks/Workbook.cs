using System.Globalization;
using System.Text.RegularExpressions;
using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support;

namespace Monitoring.Infra.Tests.Workbooks;

/// <summary>
/// One workbook of <c>workbooks/</c> (the Azure Workbooks <c>Notebook/1.0</c> format): its items, groups included,
/// its query items and its parameters.
/// </summary>
internal sealed partial class Workbook
{
    /// <summary>What the files write where the Log Analytics workspace's resource id goes; the Bicep module replaces it.</summary>
    public const string WorkspacePlaceholder = "{workspace-resource-id}";

    /// <summary>The resource type of a Log Analytics workspace, which every logs query runs against.</summary>
    public const string WorkspaceResourceType = "microsoft.operationalinsights/workspaces";

    /// <summary>The workbook files, by name.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["executive-overview.workbook.json", "oncall-deep-dive.workbook.json", "data-quality.workbook.json"];

    private Workbook(string file, string text, JsonObject root)
    {
        File = file;
        Text = text;
        Root = root;
    }

    /// <summary>The file name.</summary>
    public string File { get; }

    /// <summary>The file's text.</summary>
    public string Text { get; }

    /// <summary>The parsed document.</summary>
    public JsonObject Root { get; }

    /// <summary>Every item, depth first: the top-level items and the items of every group (type 12).</summary>
    public IEnumerable<JsonObject> Items => Walk(Root["items"]!.AsArray());

    /// <summary>The query items (type 3).</summary>
    public IEnumerable<JsonObject> Queries => Items.Where(item => Type(item) == 3);

    /// <summary>The parameters of every parameters item (type 9), in order.</summary>
    public IReadOnlyList<JsonObject> Parameters =>
        [.. Items.Where(item => Type(item) == 9).SelectMany(item => item["content"]!["parameters"]!.AsArray().Select(p => p!.AsObject()))];

    /// <summary>The path of <paramref name="file"/> in this checkout.</summary>
    public static string PathOf(string file) => Path.Combine(BicepCli.RepositoryRoot(), "workbooks", file);

    /// <summary>Reads and parses <paramref name="file"/>.</summary>
    public static Workbook Load(string file)
    {
        var text = System.IO.File.ReadAllText(PathOf(file));
        return new Workbook(file, text, JsonNode.Parse(text)!.AsObject());
    }

    /// <summary>The item named <paramref name="name"/>; fails when there is none.</summary>
    public JsonObject Item(string name) =>
        Items.SingleOrDefault(item => (string?)item["name"] == name) ?? throw new InvalidOperationException($"{File} has no item named {name}.");

    /// <summary>The parameter named <paramref name="name"/>, or null.</summary>
    public JsonObject? Parameter(string name) => Parameters.SingleOrDefault(p => (string?)p["name"] == name);

    /// <summary>The item's type: 1 text, 3 query, 9 parameters, 12 group.</summary>
    public static int Type(JsonObject item) => (int)item["type"]!;

    /// <summary>The KQL of a query item.</summary>
    public static string QueryText(JsonObject item) => (string)item["content"]!["query"]!;

    /// <summary>The parameter references in <paramref name="kql"/>: <c>{Name}</c> or <c>{Name:format}</c>, as (name, format or null).</summary>
    public static IEnumerable<(string Name, string? Format)> References(string kql) =>
        ReferencePattern().Matches(kql).Select(m => (m.Groups["name"].Value, m.Groups["format"].Success ? m.Groups["format"].Value : null));

    /// <summary>
    /// <paramref name="kql"/> as the portal runs it: every parameter reference replaced by its value. Time ranges become
    /// what a logs query gets (<c>&gt; ago(1d)</c> for a relative range, <c>between (datetime(…) .. datetime(…))</c> for a
    /// custom one; <c>:start</c> and <c>:end</c> as datetime literals; <c>:grain</c> as a timespan); a multi-select
    /// dropdown becomes its quoted, delimited values, or its "all" value quoted. A reference to a parameter the workbook
    /// does not declare, or in a format not handled here, throws.
    /// </summary>
    public static string Substitute(string kql, IReadOnlyList<JsonObject> parameters, ParameterValues values) =>
        ReferencePattern().Replace(kql, match =>
        {
            var name = match.Groups["name"].Value;
            var format = match.Groups["format"].Success ? match.Groups["format"].Value : null;
            var parameter = parameters.SingleOrDefault(p => (string?)p["name"] == name)
                ?? throw new InvalidOperationException($"The query names {{{name}}}, which no parameter declares.");
            return (int)parameter["type"]! switch
            {
                4 => TimeRange(format, values),
                2 => Dropdown(parameter, format, values),
                var type => throw new NotSupportedException($"Parameter {name} has type {type}, which this substitution does not handle."),
            };
        });

    private static string TimeRange(string? format, ParameterValues values)
    {
        var start = Literal(values.Start);
        var end = Literal(values.End);
        return format switch
        {
            null or "value" or "query" => values.Relative ? "> ago(1d)" : $"between ({start} .. {end})",
            "start" => start,
            "end" => end,
            "grain" => values.Relative ? "30m" : "1h",
            _ => throw new NotSupportedException($"Time range format :{format} is not KQL."),
        };
    }

    private static string Dropdown(JsonObject parameter, string? format, ParameterValues values)
    {
        if (format is not (null or "value"))
        {
            throw new NotSupportedException($"Dropdown format :{format} is not KQL.");
        }

        var quote = (string?)parameter["quote"] ?? string.Empty;
        var multi = (bool?)parameter["multiSelect"] ?? false;
        if (!multi)
        {
            return quote + values.Selected[0] + quote;
        }

        var all = (string?)parameter["typeSettings"]?["selectAllValue"];
        var selected = values.All && all is not null ? [all] : values.Selected;
        return string.Join((string?)parameter["delimiter"] ?? ",", selected.Select(v => quote + v + quote));
    }

    private static string Literal(DateTimeOffset instant) =>
        "datetime(" + instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) + ")";

    private static IEnumerable<JsonObject> Walk(JsonArray items)
    {
        foreach (var item in items.Select(i => i!.AsObject()))
        {
            yield return item;
            if (Type(item) == 12)
            {
                foreach (var inner in Walk(item["content"]!["items"]!.AsArray()))
                {
                    yield return inner;
                }
            }
        }
    }

    [GeneratedRegex(@"\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?::(?<format>[A-Za-z]+))?\}")]
    private static partial Regex ReferencePattern();
}

/// <summary>The values a user picks: a relative or custom time range, and "all" or some dropdown values.</summary>
/// <param name="Relative">A relative range (Last 24 hours) rather than a custom one.</param>
/// <param name="All">The dropdowns' "All" option rather than <paramref name="Selected"/>.</param>
/// <param name="Selected">The values picked in every dropdown.</param>
internal sealed record ParameterValues(bool Relative, bool All, IReadOnlyList<string> Selected)
{
    /// <summary>Last 24 hours, every service.</summary>
    public static ParameterValues Default { get; } = new(Relative: true, All: true, ["shop"]);

    /// <summary>A custom range, two services picked.</summary>
    public static ParameterValues Picked { get; } = new(Relative: false, All: false, ["shop", "checkout"]);

    /// <summary>The start of a custom range.</summary>
    public DateTimeOffset Start { get; } = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>The end of a custom range.</summary>
    public DateTimeOffset End { get; } = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
}
