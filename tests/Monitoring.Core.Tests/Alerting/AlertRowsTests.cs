using System.Text.Json.Nodes;
using Monitoring.Core.Alerting;
using Monitoring.Core.Results;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

public sealed class AlertRowsTests
{
    private static readonly string[] TextColumns = ["AlertKey", "AlertName", "Source", "Severity", "State", "Service", "Team", "Summary", "RunbookUrl"];

    private static readonly AlertTransition Silenced = new(
        Checkout, AlertState.Firing, AlertState.Silenced, new DateTimeOffset(2026, 3, 14, 13, 5, 0, TimeSpan.FromHours(1)),
        "checkout answered 500", AlertNotifyKind.None, Incident: 1, Notification: 0, EscalationLevel: 0, Reason: "silence 'deploy'");

    [Fact]
    public void ToRow_FillsEveryColumnWithWireNames_WhenTheTransitionHasAReason()
    {
        var row = AlertRows.ToRow(Silenced);

        Assert.Same(MonitorTables.Alert, row.Table);
        Assert.Equal(new DateTimeOffset(2026, 3, 14, 12, 5, 0, TimeSpan.Zero), row["TimeGenerated"]);
        Assert.Equal(TimeSpan.Zero, ((DateTimeOffset)row["TimeGenerated"]!).Offset);
        Assert.Equal(
            ["check:checkout", "checkout is failing", "check", "critical", "silenced", "shop", "payments", "checkout answered 500 — silence 'deploy'", "https://runbooks.example/checkout"],
            TextColumns.Select(c => row[c]));
        Assert.Equal("""{"check":"checkout","environment":"prod"}""", ((JsonObject)row["Labels"]!).ToJsonString());
    }

    [Theory]
    [InlineData(AlertSource.SloBurn, AlertSeverity.Warning, AlertState.Acknowledged, "slo-burn", "warning", "acknowledged")]
    [InlineData(AlertSource.NoData, AlertSeverity.Info, AlertState.Pending, "no-data", "info", "pending")]
    [InlineData(AlertSource.Certificate, AlertSeverity.Critical, AlertState.Resolved, "certificate", "critical", "resolved")]
    [InlineData(AlertSource.DataCheck, AlertSeverity.Warning, AlertState.Inactive, "data-check", "warning", "inactive")]
    [InlineData(AlertSource.Degraded, AlertSeverity.Info, AlertState.Firing, "degraded", "info", "firing")]
    public void ToRow_WritesStableWireNames_WhenSourceSeverityAndStateAre(
        AlertSource source, AlertSeverity severity, AlertState state, string expectedSource, string expectedSeverity, string expectedState)
    {
        var transition = Silenced with { Definition = Checkout with { Source = source, Severity = severity }, To = state, Reason = null };

        var row = AlertRows.ToRow(transition);

        Assert.Equal((expectedSource, expectedSeverity, expectedState, "checkout answered 500"), (row["Source"], row["Severity"], row["State"], row["Summary"]));
    }

    [Fact]
    public void ToRow_WritesNullsAndEmptyLabels_WhenOptionalFieldsAreMissing()
    {
        var bare = new AlertDefinition { Key = "no-data:orders", Name = "orders stopped reporting", Source = AlertSource.NoData };

        var row = AlertRows.ToRow(Silenced with { Definition = bare, Reason = null });

        Assert.Equal(((object?)null, (object?)null, (object?)null, "{}"), (row["Service"], row["Team"], row["RunbookUrl"], ((JsonObject)row["Labels"]!).ToJsonString()));
    }
}
