using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using Monitoring.Core.Results;

namespace Monitoring.Testing;

/// <summary>
/// The official KQL parser (npm <c>@kusto/language-service-next</c>, pinned in tests/tooling), run by node over
/// tests/tooling/kql-check.js against the schemas of the monitor tables, which are the tables the product deploys, and
/// of the workspace tables it reads (<see cref="WorkspaceTables"/>).
/// </summary>
public static class KqlParser
{
    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    /// <summary>One error the parser found.</summary>
    public sealed record Diagnostic(string Code, string Message, int Start, int Length);

    /// <summary>The errors in each of <paramref name="queries"/>, in order; an empty list means the query is valid.</summary>
    public static async Task<IReadOnlyList<IReadOnlyList<Diagnostic>>> CheckAsync(IReadOnlyList<string> queries, CancellationToken cancellationToken)
    {
        var request = new JsonObject
        {
            ["tables"] = new JsonArray([.. MonitorTables.All.Concat(WorkspaceTables.All).Select(table => (JsonNode)new JsonObject
            {
                ["name"] = table.Name,
                ["columns"] = new JsonArray([.. table.Columns.Select(column => (JsonNode)new JsonObject
                {
                    ["name"] = column.Name,
                    ["type"] = column.Type.ToString().ToLowerInvariant(),
                })]),
            })]),
            ["queries"] = new JsonArray([.. queries.Select(q => (JsonNode)JsonValue.Create(q))]),
        };

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(TestTooling.Directory(), "kql-check.js"));
        using var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        await process.StandardInput.WriteAsync(request.ToJsonString());
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"The KQL parser failed ({process.ExitCode}): {await errors}");
        }

        return JsonSerializer.Deserialize<List<List<Diagnostic>>>(await output, Web)!
            .Select(d => (IReadOnlyList<Diagnostic>)d).ToList();
    }
}
