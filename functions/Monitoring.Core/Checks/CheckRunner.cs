using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Ports;
using Monitoring.Core.Secrets;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Checks;

/// <summary>
/// Runs a check: renders variables, sends each step through a fresh probe session, extracts and
/// asserts, retries failed attempts within <see cref="CheckSpec.MaxDuration"/>, and classifies the outcome.
/// </summary>
public sealed class CheckRunner : ICheckRunner
{
    /// <summary>The pause between a failed attempt and the next one.</summary>
    public static readonly TimeSpan DefaultRetryBackoff = TimeSpan.FromMilliseconds(250);

    /// <summary>The longest message stored with a run or a step.</summary>
    public const int MaxMessageLength = 300;

    /// <summary>How much of an error body an http-status message quotes.</summary>
    public const int BodyExcerptLength = 160;

    private readonly IHttpProbeFactory probes;
    private readonly TimeProvider time;
    private readonly IEnvironmentVariables environment;
    private readonly SecretRedactor redactor;

    /// <summary>Creates a runner that sends requests through <paramref name="probes"/> and measures time with <paramref name="time"/>.</summary>
    public CheckRunner(IHttpProbeFactory probes, TimeProvider time, IEnvironmentVariables environment, SecretRedactor redactor)
    {
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(redactor);
        this.probes = probes;
        this.time = time;
        this.environment = environment;
        this.redactor = redactor;
    }

    /// <summary>The pause between attempts; tests on a fake clock set it to zero so no timer has to be advanced.</summary>
    internal TimeSpan RetryBackoff { get; init; } = DefaultRetryBackoff;

    /// <inheritdoc/>
    public async Task<CheckRunResult> RunAsync(CheckSpec check, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(check);
        cancellationToken.ThrowIfCancellationRequested();

        var startedAt = time.GetUtcNow();
        var budget = new RunBudget(time, check.MaxDuration);
        DateTimeOffset? earliestExpiry = null;
        var attempts = 0;
        AttemptRun attempt;
        while (true)
        {
            attempts++;
            attempt = await RunAttemptAsync(check, budget, cancellationToken);
            earliestExpiry = Earliest(earliestExpiry, attempt.EarliestCertificateExpiry);
            if (attempt.Failure is null || attempts > check.Retries)
            {
                break;
            }

            // An attempt that starts with no time left only turns the real failure into a timeout.
            if (budget.Remaining <= RetryBackoff)
            {
                break;
            }

            if (RetryBackoff > TimeSpan.Zero)
            {
                await Task.Delay(RetryBackoff, time, cancellationToken);
            }
        }

        return Summarize(check, startedAt, attempts, attempt, earliestExpiry);
    }

    private async Task<AttemptRun> RunAttemptAsync(CheckSpec check, RunBudget budget, CancellationToken cancellationToken)
    {
        var variables = new Dictionary<string, string>(StringComparer.Ordinal);
        var scope = new TemplateScope(variables, environment, redactor);
        var variableError = RenderVariables(check, variables, scope);

        var steps = ImmutableArray.CreateBuilder<StepResult>(check.Steps.Length);
        StepResult? failure = null;
        DateTimeOffset? earliestExpiry = null;
        await using var session = probes.CreateSession(new ProbeSessionOptions(check.VerifyTls));
        foreach (var step in check.Steps)
        {
            if (failure is not null && !step.Always)
            {
                steps.Add(new StepResult(step.Name, StepOutcome.Skipped, null, 0, null, null, Cleanup: false));
                continue;
            }

            StepRun run;
            if (variableError is not null && failure is null && !step.Always)
            {
                run = new StepRun(Failed(step, ErrorKind.Extraction, variableError, statusCode: null, durationMs: 0), null);
            }
            else
            {
                run = await RunStepAsync(step, scope, variables, session, budget, cancellationToken);
            }

            steps.Add(run.Result);
            earliestExpiry = Earliest(earliestExpiry, run.CertificateNotAfter);

            // A cleanup step's failure is recorded, but the journey it cleans up after decides the outcome.
            if (failure is null && !step.Always && run.Result.Outcome == StepOutcome.Failed)
            {
                failure = run.Result;
            }
        }

        return new AttemptRun(steps.MoveToImmutable(), failure, earliestExpiry);
    }

    /// <summary>Renders the check's variables in order, so later ones win and may use earlier ones; returns the first error.</summary>
    private static string? RenderVariables(CheckSpec check, Dictionary<string, string> variables, TemplateScope scope)
    {
        string? firstError = null;
        foreach (var (name, template) in check.Variables)
        {
            try
            {
                variables[name] = template.Render(scope);
            }
            catch (TemplateRenderException ex)
            {
                // Keep going: variables that do not depend on the missing one still serve cleanup steps.
                variables.Remove(name);
                firstError ??= $"variable {name}: {ex.Message}";
            }
        }

        return firstError;
    }

    private async Task<StepRun> RunStepAsync(
        StepSpec step,
        TemplateScope scope,
        Dictionary<string, string> variables,
        IHttpProbeSession session,
        RunBudget budget,
        CancellationToken cancellationToken)
    {
        var remaining = budget.Remaining;
        if (remaining <= TimeSpan.Zero)
        {
            return new StepRun(Failed(step, ErrorKind.Timeout, $"not started: the run's max duration of {Milliseconds(budget.MaxDuration)} ms was used up", null, 0), null);
        }

        var timeout = step.Timeout < remaining ? step.Timeout : remaining;
        if (!StepRequestBuilder.TryBuild(step, scope, timeout, out var request, out var buildError))
        {
            return new StepRun(Failed(step, ErrorKind.Extraction, buildError, null, 0), null);
        }

        ProbeResult result;
        try
        {
            result = await session.SendAsync(request, cancellationToken);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // The probe should report its own timeout, but one that throws instead still means no answer in time.
            result = ProbeResult.Of(new ProbeFailure(ErrorKind.Timeout, $"no response within {Milliseconds(timeout)} ms", timeout));
        }

        if (result.Failure is { } probeFailure)
        {
            var message = probeFailure.Kind == ErrorKind.Timeout && timeout < step.Timeout
                ? $"{probeFailure.Message} (the run's max duration of {Milliseconds(budget.MaxDuration)} ms was reached)"
                : probeFailure.Message;
            return new StepRun(Failed(step, probeFailure.Kind, message, null, probeFailure.Duration.TotalMilliseconds), probeFailure.CertificateNotAfter);
        }

        if (result.Response is not { } response)
        {
            return new StepRun(Failed(step, ErrorKind.Connect, "the probe returned neither a response nor a failure", null, 0), null);
        }

        return new StepRun(Judge(step, response, scope, variables), response.CertificateNotAfter);
    }

    /// <summary>Extracts, then asserts. A bad status wins over a failed extraction, which wins over other failed assertions.</summary>
    private StepResult Judge(StepSpec step, ProbeResponse response, TemplateScope scope, Dictionary<string, string> variables)
    {
        string? statusProblem = null;
        string? extractionProblem = null;
        string? assertionProblem = null;
        var degradations = new List<string>();

        if (response.StatusCode >= 400 && !step.Assertions.Any(a => a.Target == AssertionTarget.Status))
        {
            statusProblem = string.Create(CultureInfo.InvariantCulture, $"status {response.StatusCode}, expected less than 400");
        }

        foreach (var extraction in step.Extractions)
        {
            var extracted = Extractor.Extract(extraction, response);
            if (extracted.Succeeded)
            {
                variables[extraction.Variable] = extracted.Value!;
            }
            else
            {
                extractionProblem ??= $"extract {extraction.Variable}: {extracted.Error}";
            }
        }

        var now = time.GetUtcNow();
        foreach (var assertion in step.Assertions)
        {
            AssertionResult outcome;
            try
            {
                outcome = AssertionEvaluator.Evaluate(assertion, response, now, scope);
            }
            catch (TemplateRenderException ex)
            {
                extractionProblem ??= ex.Message;
                continue;
            }

            if (outcome.Passed)
            {
                continue;
            }

            if (assertion.Severity == AssertionSeverity.Degrade)
            {
                degradations.Add(outcome.Message!);
            }
            else if (assertion.Target == AssertionTarget.Status)
            {
                statusProblem ??= outcome.Message;
            }
            else
            {
                assertionProblem ??= outcome.Message;
            }
        }

        var durationMs = response.Duration.TotalMilliseconds;
        if (statusProblem is not null)
        {
            return Failed(step, ErrorKind.HttpStatus, statusProblem + BodyExcerpt(response.Body), response.StatusCode, durationMs);
        }

        if (extractionProblem is not null)
        {
            return Failed(step, ErrorKind.Extraction, extractionProblem, response.StatusCode, durationMs);
        }

        if (assertionProblem is not null)
        {
            return Failed(step, ErrorKind.Assertion, assertionProblem, response.StatusCode, durationMs);
        }

        if (step.DegradedAfter is { } limit && response.Duration > limit)
        {
            degradations.Add($"took {Milliseconds(response.Duration)} ms, degraded after {Milliseconds(limit)} ms");
        }

        return degradations.Count == 0
            ? new StepResult(step.Name, StepOutcome.Passed, response.StatusCode, durationMs, null, null, step.Always)
            : new StepResult(step.Name, StepOutcome.Degraded, response.StatusCode, durationMs, null, Clean(string.Join("; ", degradations)), step.Always);
    }

    private CheckRunResult Summarize(CheckSpec check, DateTimeOffset startedAt, int attempts, AttemptRun attempt, DateTimeOffset? earliestExpiry)
    {
        var journey = attempt.Steps.Where(s => !s.Cleanup).ToList();
        var durationMs = journey.Sum(s => s.DurationMs);
        int? certDaysLeft = earliestExpiry is { } expiry ? (int)Math.Floor((expiry - startedAt).TotalDays) : null;

        CheckOutcome outcome;
        string? message;
        int? statusCode;
        if (attempt.Failure is { } failure)
        {
            outcome = CheckOutcome.Failed;
            message = failure.Message;
            statusCode = failure.StatusCode;
        }
        else
        {
            var reasons = journey
                .Where(s => s.Outcome == StepOutcome.Degraded)
                .Select(s => $"{s.Name}: {s.Message}")
                .ToList();
            if (check.DegradedAfter is { } limit && durationMs > limit.TotalMilliseconds)
            {
                reasons.Add($"took {Math.Round(durationMs, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture)} ms, degraded after {Milliseconds(limit)} ms");
            }

            outcome = reasons.Count == 0 ? CheckOutcome.Healthy : CheckOutcome.Degraded;
            message = reasons.Count == 0 ? null : string.Join("; ", reasons);
            statusCode = journey.LastOrDefault(s => s.StatusCode is not null)?.StatusCode;
        }

        return new CheckRunResult(
            CheckName: check.Name,
            Service: check.Service,
            Location: check.Location,
            RunId: Guid.NewGuid().ToString("N"),
            StartedAt: startedAt,
            Outcome: outcome,
            DurationMs: durationMs,
            Attempts: attempts,
            FailedStep: attempt.Failure?.Name,
            ErrorKind: attempt.Failure?.ErrorKind,
            StatusCode: statusCode,
            Message: Clean(message),
            CertDaysLeft: certDaysLeft,
            Steps: attempt.Steps);
    }

    private StepResult Failed(StepSpec step, ErrorKind kind, string message, int? statusCode, double durationMs) =>
        new(step.Name, StepOutcome.Failed, statusCode, durationMs, kind, Clean(message), step.Always);

    /// <summary>Redacts first, so truncation can never leave part of a secret behind, then keeps the text to one short line.</summary>
    private string? Clean(string? message)
    {
        var redacted = redactor.Redact(message);
        if (redacted is null)
        {
            return null;
        }

        redacted = redacted.ReplaceLineEndings(" ");
        return redacted.Length <= MaxMessageLength ? redacted : string.Concat(redacted.AsSpan(0, MaxMessageLength - 3), "...");
    }

    /// <summary>
    /// The start of an error body, on one line. On-call learns more from "No product has the id
    /// 'x'" than from "404". Redacted before it is cut, so a cut can never keep half a secret.
    /// </summary>
    private string BodyExcerpt(string body)
    {
        var redacted = redactor.Redact(body) ?? string.Empty;
        var head = redacted.Length > BodyExcerptLength * 2 ? redacted[..(BodyExcerptLength * 2)] : redacted;
        var line = string.Join(' ', head.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length == 0)
        {
            return string.Empty;
        }

        return line.Length <= BodyExcerptLength ? ": " + line : string.Concat(": ", line.AsSpan(0, BodyExcerptLength), "...");
    }

    private static string Milliseconds(TimeSpan span) =>
        Math.Round(span.TotalMilliseconds, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture);

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : (a < b ? a : b);

    /// <summary>One step's result and the certificate expiry it saw.</summary>
    private sealed record StepRun(StepResult Result, DateTimeOffset? CertificateNotAfter);

    /// <summary>One attempt: its step results, the step that failed it (if any), and the earliest certificate expiry seen.</summary>
    private sealed record AttemptRun(ImmutableArray<StepResult> Steps, StepResult? Failure, DateTimeOffset? EarliestCertificateExpiry);

    /// <summary>The run's time budget, measured on the runner's clock from the moment the run started.</summary>
    private sealed class RunBudget(TimeProvider time, TimeSpan maxDuration)
    {
        private readonly long started = time.GetTimestamp();

        public TimeSpan MaxDuration => maxDuration;

        public TimeSpan Remaining => maxDuration - time.GetElapsedTime(started);
    }
}
