using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Azure.FanOut;
using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;
using Monitoring.Functions.Execution;
using Monitoring.Functions.Hosting;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.FanOut;

/// <summary>
/// The queue-triggered worker of the fan-out: runs the checks a message names, exactly as the in-process cycle does
/// (results, alerting, confirmation). The message arrives in the custom handler's payload, <c>{"Data":{"message":…}}</c>.
/// A message that cannot be used goes to the poison queue at once; a failure while running (the store is down)
/// fails the invocation so the queue retries it, and after five tries the host poisons it.
/// </summary>
public sealed partial class RunChecksFunction(
    SpecProvider spec,
    CheckExecutor executor,
    AlertEngine engine,
    IServiceProvider services,
    TimeProvider time,
    ILogger<RunChecksFunction> logger) : IFunctionHandler
{
    /// <summary>A message older than this is skipped: the next dispatch has already sent the same checks again.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(5);

    /// <summary>How long a confirmation run waits: one tick of the in-process schedule.</summary>
    public static readonly TimeSpan ConfirmationDelay = TimeSpan.FromSeconds(10);

    /// <inheritdoc/>
    public string FunctionName => "RunChecks";

    /// <inheritdoc/>
    public async Task<IReadOnlyList<string>> InvokeAsync(InvocationRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var queue = services.GetRequiredService<CheckFanOut>();
        var text = MessageText(request.Data?["message"]);
        if (CheckDispatchMessage.TryParse(text, out var error) is not { } message)
        {
            Poisoned(logger, queue.Name, error);
            await queue.PoisonAsync(text ?? string.Empty, cancellationToken);
            return [$"Moved an unusable message to {queue.Name}-poison: {error}."];
        }

        var now = time.GetUtcNow();
        if (!message.Confirm && now - message.DueAt > StaleAfter)
        {
            return [string.Create(CultureInfo.InvariantCulture, $"Skipped a stale message due at {message.DueAt:u}: its checks have been dispatched again since.")];
        }

        var checks = message.Checks.Select(name => spec.Spec.FindCheck(name)).OfType<CheckSpec>().Where(c => c.Enabled).ToList();
        var unknown = message.Checks.Except(checks.Select(c => c.Name), StringComparer.Ordinal).ToList();
        var runs = await executor.RunManyAsync(checks, cancellationToken);

        // The in-process schedule confirms on its next tick; across instances a delayed message does the same.
        var confirm = new List<string>();
        foreach (var run in runs)
        {
            if (CheckAlerts.NeedsConfirmation(await engine.GetAsync(CheckAlerts.FailingKey(run.CheckName), cancellationToken), runFailed: !run.Success))
            {
                confirm.Add(run.CheckName);
            }
        }

        if (confirm.Count > 0)
        {
            await queue.SendAsync(new CheckDispatchMessage(confirm, now, Confirm: true).ToJson(), ConfirmationDelay, cancellationToken);
        }

        var skipped = unknown.Count == 0 ? "." : $"; skipped {string.Join(", ", unknown)} (not in the spec or disabled).";
        return [string.Create(CultureInfo.InvariantCulture, $"Ran {runs.Count} checks from the queue: {runs.Count(r => r.Outcome == CheckOutcome.Failed)} failed, {confirm.Count} to confirm{skipped}")];
    }

    // The host sends queue text as a JSON string; tolerate a message it already parsed into an object.
    private static string? MessageText(JsonNode? node) => node switch
    {
        JsonValue value when value.TryGetValue<string>(out var text) => text,
        JsonObject or JsonArray => node.ToJsonString(),
        _ => null,
    };

    [LoggerMessage(EventId = 140, Level = LogLevel.Error, Message = "A message on queue {Queue} cannot be used and was moved to its poison queue: {Error}")]
    private static partial void Poisoned(ILogger logger, string queue, string? error);
}
