namespace Monitoring.Functions.Api;

/// <summary>The body of <c>POST /api/silences</c>.</summary>
/// <param name="Matchers">Every condition must hold: <c>key</c>, <c>name</c>, <c>source</c>, <c>severity</c>, <c>service</c>, <c>team</c> or a label name, to a value.</param>
/// <param name="Duration">How long it lasts from <paramref name="StartsAt"/> (e.g. <c>2h</c>); or give <paramref name="EndsAt"/>.</param>
/// <param name="StartsAt">When it starts; now by default.</param>
/// <param name="EndsAt">When it ends.</param>
/// <param name="CreatedBy">Who asked.</param>
/// <param name="Comment">Why.</param>
public sealed record SilenceRequest(
    IReadOnlyDictionary<string, string>? Matchers,
    string? Duration,
    DateTimeOffset? StartsAt,
    DateTimeOffset? EndsAt,
    string? CreatedBy,
    string? Comment);
