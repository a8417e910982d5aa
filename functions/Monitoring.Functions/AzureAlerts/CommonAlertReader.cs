using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Monitoring.Functions.AzureAlerts;

/// <summary>
/// Reads the Azure Monitor common alert schema (<c>schemaId: azureMonitorCommonAlertSchema</c>): the essentials every
/// alert type has, the dimensions of log and metric alerts, and the runbook the rule carries. Anything it needs and
/// does not find is reported by its JSON path, every problem at once; fields it does not use are ignored, so new
/// fields in the schema never break it.
/// </summary>
public static partial class CommonAlertReader
{
    /// <summary>The only schema id read.</summary>
    public const string SchemaId = "azureMonitorCommonAlertSchema";

    /// <summary>The alert in <paramref name="body"/>, or the problems that keep it from being one, by JSON path.</summary>
    public static (CommonAlert? Alert, IReadOnlyDictionary<string, string[]> Errors) Read(JsonNode? body)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (body is not JsonObject root)
        {
            errors["$"] = ["The body must be a JSON object in the common alert schema."];
            return (null, errors);
        }

        if (Text(root["schemaId"]) != SchemaId)
        {
            errors["schemaId"] = [$"Must be '{SchemaId}': enable the common alert schema on the action group's receiver."];
        }

        if (root["data"]?["essentials"] is not JsonObject essentials)
        {
            errors["data.essentials"] = ["Is required."];
            return (null, errors);
        }

        var rule = Text(essentials["alertRule"]);
        if (string.IsNullOrWhiteSpace(rule))
        {
            errors["data.essentials.alertRule"] = ["Is required: the alert rule's name."];
        }

        var severity = Text(essentials["severity"]);
        if (severity is null || !SeverityPattern().IsMatch(severity))
        {
            errors["data.essentials.severity"] = [$"Must be one of Sev0, Sev1, Sev2, Sev3, Sev4; got {Describe(essentials["severity"])}."];
        }

        var condition = Text(essentials["monitorCondition"]);
        if (condition is not ("Fired" or "Resolved"))
        {
            errors["data.essentials.monitorCondition"] = [$"Must be Fired or Resolved; got {Describe(essentials["monitorCondition"])}."];
        }

        var fired = Instant(essentials["firedDateTime"]);
        if (fired is null)
        {
            errors["data.essentials.firedDateTime"] = [$"Must be an ISO 8601 date and time; got {Describe(essentials["firedDateTime"])}."];
        }

        DateTimeOffset? resolved = null;
        if (essentials["resolvedDateTime"] is { } resolvedNode && Text(resolvedNode) is { Length: > 0 })
        {
            resolved = Instant(resolvedNode);
            if (resolved is null)
            {
                errors["data.essentials.resolvedDateTime"] = [$"Must be an ISO 8601 date and time when present; got {Describe(resolvedNode)}."];
            }
        }

        var targets = ImmutableArray<string>.Empty;
        if (essentials["alertTargetIDs"] is { } targetNode)
        {
            if (targetNode is JsonArray array && array.All(t => Text(t) is not null))
            {
                targets = [.. array.Select(t => Text(t)!)];
            }
            else
            {
                errors["data.essentials.alertTargetIDs"] = ["Must be an array of resource ids when present."];
            }
        }

        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var context = root["data"]!["alertContext"] as JsonObject;
        var dimensions = Dimensions(context);
        var runbook = new[]
        {
            dimensions.FirstOrDefault(d => string.Equals(d.Key, "RunbookUrl", StringComparison.OrdinalIgnoreCase)).Value,
            Text(context?["properties"]?["runbookUrl"]),
            Text(root["data"]!["customProperties"]?["runbookUrl"]),
            Text(context?["customProperties"]?["runbookUrl"]),
        }.Select(HttpUrl).FirstOrDefault(u => u is not null);

        return (new CommonAlert(
            rule!,
            severity!,
            condition == "Resolved",
            fired!.Value,
            resolved,
            Text(essentials["description"]) is { Length: > 0 } description ? description : null,
            Text(essentials["alertId"]),
            Text(essentials["signalType"]),
            Text(essentials["monitoringService"]),
            targets,
            dimensions,
            runbook), errors);
    }

    // Log alerts (V2) and metric alerts list their dimensions per condition; each is {name, value}.
    private static ImmutableArray<KeyValuePair<string, string>> Dimensions(JsonObject? context)
    {
        if (context?["condition"]?["allOf"] is not JsonArray conditions)
        {
            return [];
        }

        return [.. conditions
            .Select(c => c?["dimensions"] as JsonArray)
            .OfType<JsonArray>()
            .SelectMany(d => d)
            .Select(d => (Name: Text(d?["name"]), Value: Text(d?["value"])))
            .Where(d => d.Name is not null && d.Value is not null)
            .Select(d => KeyValuePair.Create(d.Name!, d.Value!))];
    }

    private static Uri? HttpUrl(string? text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) ? uri : null;

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static DateTimeOffset? Instant(JsonNode? node) =>
        Text(node) is { } text && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var instant)
            ? instant
            : null;

    // What was sent, for an error message: a short JSON rendering, or "nothing".
    private static string Describe(JsonNode? node)
    {
        if (node is null)
        {
            return "nothing";
        }

        var json = node.ToJsonString();
        return json.Length <= 60 ? json : json[..60] + "…";
    }

    [GeneratedRegex("^Sev[0-4]$")]
    private static partial Regex SeverityPattern();
}
