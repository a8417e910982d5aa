using System.Collections.Immutable;
using Monitoring.Core.Spec;

namespace Monitoring.Core.DataChecks;

/// <summary>Judges one read of a data check against its rules. Pure: the caller reads the source and stores the baseline.</summary>
public static class DataCheckEvaluator
{
    /// <summary>
    /// The verdicts on <paramref name="observation"/>, which answered <paramref name="request"/> (made by
    /// <see cref="DataCheckPlan.For"/>) in <paramref name="elapsed"/>: a Healthy connection result, then one per rule.
    /// </summary>
    /// <param name="check">The data check.</param>
    /// <param name="request">What was asked of the source.</param>
    /// <param name="observation">What it answered.</param>
    /// <param name="baseline">The accepted schema; default when none is stored yet (the observed schema then becomes it, Healthy).</param>
    /// <param name="elapsed">How long the read took.</param>
    public static DataCheckEvaluation Evaluate(DataCheckSpec check, DataReadRequest request, DataObservation observation, ImmutableArray<SchemaColumn> baseline, TimeSpan elapsed) =>
        throw new NotImplementedException();

    /// <summary>The verdict when the source could not be read: a Failed connection result and nothing else (the rules cannot be judged).</summary>
    public static DataCheckEvaluation SourceFailed(DataCheckSpec check, DateTimeOffset at, DataSourceException error, TimeSpan elapsed) =>
        throw new NotImplementedException();
}
