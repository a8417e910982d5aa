using Monitoring.Core.Ports;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Heartbeat;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.SloEvaluation;

namespace Monitoring.Functions.Api;

/// <summary>The handlers of the HTTP functions, keyed by function name (the function.json folder).</summary>
public static class MonitoringApi
{
    /// <summary>Largest <c>runs</c> per check in <c>/api/status</c>.</summary>
    public const int MaxRunsPerCheck = 100;

    /// <summary>Largest <c>limit</c> of <c>/api/checks/{name}/runs</c>.</summary>
    public const int MaxRunsLimit = 1000;

    /// <summary>Every HTTP function's handler. Routes and methods come from each function.json.</summary>
    public static IReadOnlyDictionary<string, Delegate> Handlers { get; } = new Dictionary<string, Delegate>(
        new Dictionary<string, Delegate>(StringComparer.OrdinalIgnoreCase)
        {
            ["status"] = GetStatusAsync,
            ["check-runs"] = GetRunsAsync,
            ["run-check"] = RunCheckAsync,
            ["health"] = GetHealth,
            ["slos"] = GetSlos,
        }.Concat(AlertsApi.Handlers).Concat(DeliveriesApi.Handlers).Concat(DataChecksApi.Handlers).Concat(RunbooksApi.Handlers).Concat(AzureAlertsApi.Handlers),
        StringComparer.OrdinalIgnoreCase);

    private static IResult GetSlos(SpecProvider spec, SloStatusBoard board, TimeProvider time)
    {
        var latest = board.Latest;
        return Results.Ok(new
        {
            time = time.GetUtcNow(),
            slos = spec.Spec.Slos.Select(slo => SloView.From(slo, latest.GetValueOrDefault(slo.Name))),
        });
    }

    private static async Task<IResult> GetStatusAsync(string? runs, StatusQueries queries, CancellationToken cancellationToken)
    {
        var perCheck = ApiProblems.ParseBounded(runs, 10, 1, MaxRunsPerCheck);
        if (perCheck is null)
        {
            return ApiProblems.OutOfRange("runs", runs, 1, MaxRunsPerCheck);
        }

        return Results.Ok(await queries.GetStatusAsync(perCheck.Value, cancellationToken));
    }

    private static async Task<IResult> GetRunsAsync(string name, string? limit, SpecProvider spec, ICheckRunHistory history, CancellationToken cancellationToken)
    {
        if (spec.Spec.FindCheck(name) is null)
        {
            return ApiProblems.UnknownCheck(name);
        }

        var count = ApiProblems.ParseBounded(limit, 50, 1, MaxRunsLimit);
        if (count is null)
        {
            return ApiProblems.OutOfRange("limit", limit, 1, MaxRunsLimit);
        }

        var runs = await history.GetRecentRunsAsync(name, count.Value, cancellationToken);
        return Results.Ok(new { check = name, runs = runs.Select(CheckRunView.From) });
    }

    private static async Task<IResult> RunCheckAsync(string name, SpecProvider spec, CheckExecutor executor, CancellationToken cancellationToken)
    {
        var check = spec.Spec.FindCheck(name);
        if (check is null)
        {
            return ApiProblems.UnknownCheck(name);
        }

        var run = await executor.RunOnceAsync(check, cancellationToken);
        return Results.Ok(CheckRunView.From(run));
    }

    private static IResult GetHealth(SpecProvider spec, HostEnvironment host, TimeProvider time) => Results.Ok(new
    {
        status = "Healthy",
        version = HeartbeatFunction.Version,
        checksConfigured = spec.Spec.Checks.Count(c => c.Enabled),
        host = host.UnderFunctionsHost ? "functions-host" : "standalone",
        time = time.GetUtcNow(),
    });
}
