using System.Globalization;
using Monitoring.Core.Spec;
using Monitoring.Core.Spool;

namespace Monitoring.Core.Alerting;

/// <summary>
/// The alert on the results spool: a warning that breaches while results wait too long or pile up, because the
/// results store (Log Analytics) is slow, down or refusing a stream. Until it clears, dashboards and SLO queries
/// in Azure miss the spooled rows.
/// </summary>
public static class SpoolAlerts
{
    /// <summary>The alert's key.</summary>
    public const string GrowingKey = "spool-growing";

    /// <summary>
    /// A waiting row older than this breaches: flushes run every minute and one upload retries for at most three,
    /// so a quarter of an hour means several flushes in a row have failed, not one slow call.
    /// </summary>
    public static TimeSpan OldestRowLimit { get; } = TimeSpan.FromMinutes(15);

    /// <summary>A stream holding this share of its bound (rows or bytes) breaches, well before rows are dropped.</summary>
    public const double FillLimit = 0.5;

    /// <summary>The spool alert: a warning that fires on the first breaching observation and resolves on the first clear one.</summary>
    public static AlertDefinition Growing { get; } = new()
    {
        Key = GrowingKey,
        Name = "Results spool growing",
        Source = AlertSource.Spool,
        Severity = AlertSeverity.Warning,
        Policy = AlertPolicy.Default with { FailureThreshold = 1, SuccessThreshold = 1, KeepFiringFor = null, FlappingKeepFiringFor = null },
    };

    /// <summary>
    /// Breaching when the oldest waiting row is older than <see cref="OldestRowLimit"/>, or a stream holds at least
    /// <see cref="FillLimit"/> of <paramref name="bound"/> in rows or bytes.
    /// </summary>
    /// <param name="size">What the spool holds now.</param>
    /// <param name="bound">The spool's bound per stream.</param>
    /// <param name="now">The instant of the observation.</param>
    public static AlertObservation Observe(SpoolSize size, RowSpoolBound bound, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(bound);
        var age = size.OldestSpooledAt is { } oldest ? now - oldest : TimeSpan.Zero;
        var full = size.Streams.Where(s => s.Rows >= FillLimit * bound.MaxRows || s.Bytes >= FillLimit * bound.MaxBytes).Select(s => s.Stream).ToList();
        var breaching = age > OldestRowLimit || full.Count > 0;
        var summary = size.Rows == 0
            ? string.Create(CultureInfo.InvariantCulture, $"The results spool is empty ({size.DroppedRows} rows dropped so far).")
            : string.Create(CultureInfo.InvariantCulture,
                $"{size.Rows} rows ({size.Bytes} bytes) wait in the results spool; the oldest for {Durations.Format(Whole(age))}") +
              (full.Count > 0 ? string.Create(CultureInfo.InvariantCulture, $"; at {FillLimit * 100:0}% of the bound or more: {string.Join(", ", full)}") : string.Empty) +
              string.Create(CultureInfo.InvariantCulture, $" ({size.DroppedRows} rows dropped so far).");
        return new AlertObservation(Growing, breaching, summary, now);
    }

    private static TimeSpan Whole(TimeSpan span) => TimeSpan.FromSeconds(Math.Max(0, Math.Floor(span.TotalSeconds)));
}
