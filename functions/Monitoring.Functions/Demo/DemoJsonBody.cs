using System.Text.Json;
using System.Text.Json.Serialization;

namespace Monitoring.Functions.Demo;

/// <summary>Reads JSON request bodies itself, so malformed input gets the same problem details as every other error.</summary>
internal static class DemoJsonBody
{
    /// <summary>Shop APIs accept extra fields, like most real shops.</summary>
    public static readonly JsonSerializerOptions Lenient = new(JsonSerializerDefaults.Web);

    /// <summary>The fault API rejects unknown fields, so a misspelt <c>errorRate</c> is an error rather than a silent no-op.</summary>
    public static readonly JsonSerializerOptions Strict = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Deserializes the body; on failure returns a 400 problem instead, which never quotes the body (it may hold a password).</summary>
    public static async Task<(T? Body, IResult? Problem)> ReadAsync<T>(HttpRequest request, JsonSerializerOptions options, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var body = await JsonSerializer.DeserializeAsync<T>(request.Body, options, cancellationToken);
            return body is null
                ? (null, DemoProblems.BadRequest("The request body must be a JSON object.", "It was null."))
                : (body, null);
        }
        catch (JsonException exception)
        {
            var where = exception.Path is null ? "It could not be parsed." : $"It could not be parsed at '{exception.Path}'.";
            return (null, DemoProblems.BadRequest("The request body must be a JSON object.", where));
        }
    }
}
