using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>Turns a data check's rules into the one read its source must answer.</summary>
public static class DataCheckPlan
{
    /// <summary>
    /// The request for <paramref name="check"/> at <paramref name="now"/>: the last-updated time for freshness; ranges for
    /// volume (its trailing window) and anomaly (its trailing window, then the same window 7, 14, … days earlier, one
    /// per training point); the schema for the schema rule; runs since now − lookback for the pipeline rule.
    /// </summary>
    public static DataReadRequest For(DataCheckSpec check, DateTimeOffset now) => throw new NotImplementedException();
}
