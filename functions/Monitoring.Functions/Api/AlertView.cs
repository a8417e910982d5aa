using Monitoring.Core.Alerting;

namespace Monitoring.Functions.Api;

/// <summary>An alert as the API shows it.</summary>
public sealed record AlertView(
    string Key,
    string Name,
    string Source,
    string Severity,
    string State,
    string? Service,
    string? Team,
    string Summary,
    int Incident,
    DateTimeOffset? FiringSince,
    DateTimeOffset? LastObservedAt,
    string? AcknowledgedBy,
    DateTimeOffset? AcknowledgedAt,
    string? MutedBy,
    string? RunbookUrl)
{
    /// <summary>Maps an engine status.</summary>
    public static AlertView From(AlertStatus status)
    {
        ArgumentNullException.ThrowIfNull(status);
        var definition = status.Definition;
        return new(definition.Key, definition.Name, definition.Source.ToWireName(), definition.Severity.ToWireName(), status.State.ToWireName(),
            definition.Service, definition.Team, status.Summary, status.Incident, status.FiringSince, status.LastObservedAt,
            status.IsAcknowledged ? status.AcknowledgedBy : null, status.IsAcknowledged ? status.AcknowledgedAt : null, status.MutedBy, definition.RunbookUrl);
    }
}
