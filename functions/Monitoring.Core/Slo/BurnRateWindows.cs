using System.Collections.Immutable;
using System.Globalization;
using Monitoring.Core.Spec;
using YamlDotNet.RepresentationModel;

namespace Monitoring.Core.Slo;

/// <summary>
/// The default multiwindow burn-rate pairs, read from the embedded <c>burn-rate-windows.yaml</c> (SRE Workbook
/// ch. 5, table 5-8) and scaled to the SLO period.
/// </summary>
public static class BurnRateWindows
{
    private const string ResourceName = "Monitoring.Core.Slo.burn-rate-windows.yaml";

    private static readonly Lazy<(TimeSpan Period, ImmutableArray<BurnRateWindowPair> Pairs)> Table = new(Load);

    /// <summary>The SLO periods the spec allows.</summary>
    public static ImmutableArray<TimeSpan> Periods { get; } = [TimeSpan.FromDays(7), TimeSpan.FromDays(28), TimeSpan.FromDays(30)];

    /// <summary>The period the embedded table is written for (30 days).</summary>
    public static TimeSpan TablePeriod => Table.Value.Period;

    /// <summary>
    /// The windows <see cref="Results.MonitorTables.SloStatus"/> reports a burn rate for, whatever the period:
    /// every window of the 30-day table.
    /// </summary>
    public static ImmutableArray<TimeSpan> ReportedWindows { get; } =
        [TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(6), TimeSpan.FromDays(1), TimeSpan.FromDays(3)];

    /// <summary>
    /// The pairs for <paramref name="period"/>: both windows scaled in proportion to the period (a 7-day SLO pages on
    /// 14m/70s instead of 1h/5m), factors unchanged, because the same share of the budget in the same share of the
    /// period is the same burn rate.
    /// </summary>
    public static ImmutableArray<BurnRateWindowPair> ForPeriod(TimeSpan period)
    {
        if (!Periods.Contains(period))
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The SLO period must be 7, 28 or 30 days.");
        }

        var (tablePeriod, pairs) = Table.Value;
        return [.. pairs.Select(p => p with { LongWindow = Scale(p.LongWindow, period, tablePeriod), ShortWindow = Scale(p.ShortWindow, period, tablePeriod) })];
    }

    // Every table window times 7/30 or 28/30 is a whole number of seconds, so nothing is lost to rounding.
    private static TimeSpan Scale(TimeSpan window, TimeSpan period, TimeSpan tablePeriod) =>
        TimeSpan.FromSeconds(Math.Round(window.TotalSeconds * period.Ticks / tablePeriod.Ticks));

    private static (TimeSpan, ImmutableArray<BurnRateWindowPair>) Load()
    {
        using var stream = typeof(BurnRateWindows).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The burn-rate windows resource is missing from the assembly. Resource: {ResourceName}.");
        using var reader = new StreamReader(stream);
        var yaml = new YamlStream();
        yaml.Load(reader);
        var root = (YamlMappingNode)yaml.Documents[0].RootNode;
        var period = Duration(root, "period");
        var pairs = ((YamlSequenceNode)root.Children[new YamlScalarNode("pairs")]).Children.Cast<YamlMappingNode>()
            .Select(row =>
            {
                var longWindow = Duration(row, "longWindow");
                var budget = double.Parse(Scalar(row, "budgetConsumed"), NumberStyles.Float, CultureInfo.InvariantCulture);
                return new BurnRateWindowPair(
                    Enum.Parse<BurnRateSeverity>(Scalar(row, "severity"), ignoreCase: true),
                    longWindow,
                    Duration(row, "shortWindow"),
                    SloMath.Factor(budget, period, longWindow));
            });
        return (period, [.. pairs]);
    }

    private static string Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value!;

    private static TimeSpan Duration(YamlMappingNode node, string key) =>
        Durations.TryParse(Scalar(node, key), out var value) ? value : throw new InvalidOperationException($"The burn-rate windows resource has a bad duration. Field {key}: '{Scalar(node, key)}'.");
}
