using System.Collections.Immutable;
using System.Text.Json;
using Monitoring.Core.Alerting;
using Monitoring.Core.Spec;
using Monitoring.Functions.Alerting;

namespace Monitoring.Functions.Api;

/// <summary>The alert API: list alerts, acknowledge one, and manage silences.</summary>
public static class AlertsApi
{
    /// <summary>The longest silence the API accepts: longer mutes belong in the spec as maintenance.</summary>
    public static readonly TimeSpan MaxSilence = TimeSpan.FromDays(30);

    private static readonly JsonSerializerOptions RequestJson = new(JsonSerializerDefaults.Web);

    /// <summary>The handlers, keyed by function name.</summary>
    public static IEnumerable<KeyValuePair<string, Delegate>> Handlers =>
    [
        new("alerts", ListAsync),
        new("alert-ack", AcknowledgeAsync),
        new("silences", ListSilencesAsync),
        new("silence-create", CreateSilenceAsync),
        new("silence-delete", ExpireSilenceAsync),
        new("test-notify", TestNotifyAsync),
    ];

    private static async Task<IResult> TestNotifyAsync(TestNotifier notifier, CancellationToken cancellationToken)
    {
        var records = await notifier.SendAsync(cancellationToken);
        return Results.Ok(new
        {
            delivered = records.All(r => r.Result.Delivered),
            deliveries = records.Select(r => new { route = r.Route, channel = r.Channel, delivered = r.Result.Delivered, held = r.Result.Held, attempts = r.Result.Attempts, error = r.Result.Error }),
        });
    }

    private static async Task<IResult> ListAsync(AlertEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var alerts = await engine.ListAsync(cancellationToken);
        var views = alerts
            .Where(a => a.Incident > 0 || a.Phase != AlertState.Inactive)
            .OrderBy(a => a.IsOpen ? 0 : 1)
            .ThenBy(a => a.Definition.Severity)
            .ThenByDescending(a => a.FiringSince)
            .Select(AlertView.From)
            .ToList();
        return Results.Ok(new { generatedAt = time.GetUtcNow(), open = views.Count(v => v.State is "firing" or "acknowledged" or "silenced"), alerts = views });
    }

    private static async Task<IResult> AcknowledgeAsync(string key, HttpRequest request, AlertEngine engine, AlertingCycle alerting, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<AcknowledgeRequest>(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        if (await engine.GetAsync(key, cancellationToken) is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such alert.", detail: $"No alert has the key '{key}'.");
        }

        var by = string.IsNullOrWhiteSpace(body.Value?.By) ? "api" : body.Value.By.Trim();
        var transition = await engine.AcknowledgeAsync(key, by, time.GetUtcNow(), cancellationToken);
        if (transition is null)
        {
            return Results.Problem(statusCode: StatusCodes.Status409Conflict, title: "Nothing to acknowledge.", detail: $"The alert '{key}' has no open, unacknowledged incident.");
        }

        await alerting.RecordAsync([transition], cancellationToken);
        return Results.Ok(AlertView.From((await engine.GetAsync(key, cancellationToken))!));
    }

    private static async Task<IResult> ListSilencesAsync(AlertEngine engine, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var silences = await engine.ListSilencesAsync(cancellationToken);
        return Results.Ok(new { silences = silences.Where(s => s.EndsAt > now).Select(s => SilenceView(s, now)) });
    }

    private static async Task<IResult> CreateSilenceAsync(HttpRequest request, AlertEngine engine, AlertingCycle alerting, TimeProvider time, CancellationToken cancellationToken)
    {
        var body = await ReadAsync<SilenceRequest>(request, cancellationToken);
        if (body.Problem is not null)
        {
            return body.Problem;
        }

        var now = time.GetUtcNow();
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var silenceRequest = body.Value;
        if (silenceRequest?.Matchers is not { Count: > 0 } matchers)
        {
            errors["matchers"] = ["At least one matcher is required, e.g. {\"service\": \"shop\"}; a silence that matches everything is not allowed."];
            matchers = ImmutableDictionary<string, string>.Empty;
        }

        var startsAt = silenceRequest?.StartsAt ?? now;
        DateTimeOffset? endsAt = silenceRequest?.EndsAt;
        if (silenceRequest?.Duration is { } duration)
        {
            if (!Durations.TryParse(duration, out var length) || length <= TimeSpan.Zero)
            {
                errors["duration"] = [$"'{duration}' is not a duration such as 30m or 2h."];
            }
            else
            {
                endsAt = startsAt + length;
            }
        }

        if (endsAt is null && !errors.ContainsKey("duration"))
        {
            errors["duration"] = ["Give a duration (e.g. 2h) or an endsAt."];
        }
        else if (endsAt is { } end && (end <= startsAt || end <= now || end - startsAt > MaxSilence))
        {
            errors["endsAt"] = ["The silence must end after it starts, in the future, and within 30 days; use maintenance in the spec for longer."];
        }

        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The silence is not valid.");
        }

        var silence = new Silence
        {
            Id = Guid.NewGuid().ToString("N"),
            Matchers = [.. matchers.Select(m => new AlertMatcher(m.Key, m.Value))],
            StartsAt = startsAt,
            EndsAt = endsAt!.Value,
            CreatedBy = silenceRequest!.CreatedBy,
            Comment = silenceRequest.Comment,
        };
        await engine.AddSilenceAsync(silence, cancellationToken);
        await alerting.RecordAsync(await engine.ReconcileAsync(now, cancellationToken), cancellationToken);
        return Results.Created($"/api/silences/{silence.Id}", SilenceView(silence, now));
    }

    private static async Task<IResult> ExpireSilenceAsync(string id, AlertEngine engine, AlertingCycle alerting, TimeProvider time, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var existing = (await engine.ListSilencesAsync(cancellationToken)).FirstOrDefault(s => s.Id == id);
        if (existing is null || existing.EndsAt <= now)
        {
            return Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such silence.", detail: $"No active or future silence has the id '{id}'.");
        }

        await alerting.RecordAsync(await engine.ExpireSilenceAsync(id, now, cancellationToken), cancellationToken);
        return Results.NoContent();
    }

    private static object SilenceView(Silence silence, DateTimeOffset now) => new
    {
        id = silence.Id,
        matchers = silence.Matchers.ToDictionary(m => m.Name, m => m.Value, StringComparer.Ordinal),
        startsAt = silence.StartsAt,
        endsAt = silence.EndsAt,
        active = silence.IsActiveAt(now),
        createdBy = silence.CreatedBy,
        comment = silence.Comment,
    };

    private static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpRequest request, CancellationToken cancellationToken)
        where T : class
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && request.Headers.TransferEncoding.Count == 0))
        {
            return (null, null);
        }

        try
        {
            return (await JsonSerializer.DeserializeAsync<T>(request.Body, RequestJson, cancellationToken), null);
        }
        catch (JsonException exception)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not valid JSON.", detail: exception.Message));
        }
    }

    private sealed record AcknowledgeRequest(string? By);
}
