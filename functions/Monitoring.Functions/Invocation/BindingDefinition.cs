using System.Text.Json.Serialization;

namespace Monitoring.Functions.Invocation;

/// <summary>One binding of a <c>function.json</c>, with the fields this app reads.</summary>
public sealed record BindingDefinition
{
    /// <summary>Binding type, e.g. <c>timerTrigger</c>, <c>httpTrigger</c>, <c>http</c>, <c>queueTrigger</c>.</summary>
    [JsonPropertyName("type")]
    public string Type { get; init; } = string.Empty;

    /// <summary><c>in</c> or <c>out</c>.</summary>
    [JsonPropertyName("direction")]
    public string Direction { get; init; } = string.Empty;

    /// <summary>Binding name; the key of its data in an invocation payload.</summary>
    [JsonPropertyName("name")]
    public string Name { get; init; } = string.Empty;

    /// <summary>NCRONTAB schedule (6 fields, UTC), for timer triggers.</summary>
    [JsonPropertyName("schedule")]
    public string? Schedule { get; init; }

    /// <summary>Route template below the <c>api</c> prefix, for HTTP triggers.</summary>
    [JsonPropertyName("route")]
    public string? Route { get; init; }

    /// <summary>HTTP methods, for HTTP triggers.</summary>
    [JsonPropertyName("methods")]
    public IReadOnlyList<string>? Methods { get; init; }

    /// <summary><c>anonymous</c>, <c>function</c> or <c>admin</c>, for HTTP triggers.</summary>
    [JsonPropertyName("authLevel")]
    public string? AuthLevel { get; init; }

    /// <summary>Queue name, for queue triggers.</summary>
    [JsonPropertyName("queueName")]
    public string? QueueName { get; init; }

    /// <summary>The app setting that names the storage connection, for queue triggers (<c>AzureWebJobsStorage</c>).</summary>
    [JsonPropertyName("connection")]
    public string? Connection { get; init; }
}
