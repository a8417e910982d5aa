using Monitoring.Core.Spec;
using Monitoring.Functions.DataChecks;
using Monitoring.Functions.Hosting;

namespace Monitoring.Functions.Api;

/// <summary>The data-check API: list them with their latest verdicts, run one now, and accept a schema change.</summary>
public static class DataChecksApi
{
    /// <summary>The handlers, keyed by function name.</summary>
    public static IEnumerable<KeyValuePair<string, Delegate>> Handlers =>
    [
        new("data-checks", ListAsync),
        new("data-check-run", RunAsync),
        new("data-check-schema-accept", AcceptSchemaAsync),
    ];

    private static async Task<IResult> ListAsync(SpecProvider spec, DataCheckBoard board, DataCheckExecutor executor, SchemaBaselines baselines, TimeProvider time, CancellationToken cancellationToken)
    {
        var views = new List<DataCheckView>();
        foreach (var check in spec.Spec.DataChecks)
        {
            var notEvaluable = executor.NotEvaluableReason(check) ?? board.NotEvaluableReason(check.Name);
            views.Add(DataCheckView.From(check, board.Latest(check.Name), notEvaluable, await SchemaOfAsync(check, baselines, cancellationToken)));
        }

        return Results.Ok(new { generatedAt = time.GetUtcNow(), dataChecks = views });
    }

    private static async Task<IResult> RunAsync(string name, SpecProvider spec, DataCheckExecutor executor, SchemaBaselines baselines, CancellationToken cancellationToken)
    {
        if (spec.Spec.FindDataCheck(name) is not { } check)
        {
            return UnknownDataCheck(name);
        }

        return await RunAndShowAsync(check, executor, baselines, cancellationToken);
    }

    // Accepting makes the schema seen last the baseline, then reads the source again so the drift alert resolves now, not at the next interval.
    private static async Task<IResult> AcceptSchemaAsync(string name, SpecProvider spec, DataCheckExecutor executor, SchemaBaselines baselines, CancellationToken cancellationToken)
    {
        if (spec.Spec.FindDataCheck(name) is not { } check)
        {
            return UnknownDataCheck(name);
        }

        if (check.Rules.Schema is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The data check has no schema rule.", detail: $"'{name}' does not watch a schema, so there is nothing to accept.");
        }

        if ((await baselines.AcceptObservedAsync(check.Name, cancellationToken)).IsDefault)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "No schema observed yet.", detail: $"'{name}' has not read a schema yet; run it first (POST /api/data-checks/{name}/run).");
        }

        return await RunAndShowAsync(check, executor, baselines, cancellationToken);
    }

    private static async Task<IResult> RunAndShowAsync(DataCheckSpec check, DataCheckExecutor executor, SchemaBaselines baselines, CancellationToken cancellationToken)
    {
        if (executor.NotEvaluableReason(check) is { } reason)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "The data check cannot run here.", detail: reason);
        }

        var evaluation = await executor.RunOnceAsync(check, cancellationToken);
        return Results.Ok(DataCheckView.From(check, evaluation, null, await SchemaOfAsync(check, baselines, cancellationToken)));
    }

    private static async Task<SchemaView?> SchemaOfAsync(DataCheckSpec check, SchemaBaselines baselines, CancellationToken cancellationToken)
    {
        if (check.Rules.Schema is null)
        {
            return null;
        }

        var baseline = await baselines.GetBaselineAsync(check.Name, cancellationToken);
        var observed = await baselines.GetObservedAsync(check.Name, cancellationToken);
        return new SchemaView(baseline.IsDefault ? [] : baseline, observed.IsDefault ? [] : observed);
    }

    private static IResult UnknownDataCheck(string name) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such data check.", detail: $"The spec has no data check named '{name}'.");
}
