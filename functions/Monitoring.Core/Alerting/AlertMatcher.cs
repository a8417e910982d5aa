namespace Monitoring.Core.Alerting;

/// <summary>
/// One equality condition of a silence. <see cref="Name"/> is <c>key</c>, <c>name</c>, <c>source</c>,
/// <c>severity</c>, <c>service</c> or <c>team</c>, or else a label name; those attributes win over a label
/// of the same name. Values compare ordinally; source and severity use their wire names.
/// </summary>
/// <param name="Name">The attribute or label.</param>
/// <param name="Value">The value it must equal.</param>
public sealed record AlertMatcher(string Name, string Value)
{
    /// <summary>True when <paramref name="definition"/> has <see cref="Value"/> for <see cref="Name"/>.</summary>
    public bool Matches(AlertDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        var actual = Name switch
        {
            "key" => definition.Key,
            "name" => definition.Name,
            "source" => definition.Source.ToWireName(),
            "severity" => definition.Severity.ToWireName(),
            "service" => definition.Service,
            "team" => definition.Team,
            _ => definition.Labels.GetValueOrDefault(Name),
        };
        return string.Equals(actual, Value, StringComparison.Ordinal);
    }
}
