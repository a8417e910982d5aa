using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.Checks;
using Monitoring.Core.Spec;
using Monitoring.Core.Tests.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Alerting;

public sealed class CheckAlertsTests
{
    private static readonly DateTimeOffset At = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Load_MapsTheCheckAlertSection_AndKeepsDefaultsElsewhere()
    {
        var yaml = Fixture.GoodYaml.Replace("    service: search\n", "    service: search\n    alert:\n      severity: warning\n      failureThreshold: 2\n      successThreshold: 1\n      keepFiringFor: 30s\n", StringComparison.Ordinal);

        var spec = Fixture.Load(yaml).Spec!;

        Assert.Equal(new CheckAlertSpec(AlertSeverity.Warning, 2, 1, TimeSpan.FromSeconds(30)), spec.FindCheck("search")!.Alert);
        Assert.Equal(CheckAlertSpec.Default, spec.FindCheck("checkout")!.Alert);
    }

    [Theory]
    // Outcome -> (failing breaching, degraded breaching)
    [InlineData(CheckOutcome.Healthy, false, false)]
    [InlineData(CheckOutcome.Degraded, false, true)]
    [InlineData(CheckOutcome.Failed, true, false)]
    public void Observe_BreachesTheAlertOfTheOutcome(CheckOutcome outcome, bool failing, bool degraded)
    {
        var observations = CheckAlerts.Observe(Check(), Service(), Run(outcome));

        Assert.Equal(failing, observations.Single(o => o.Definition.Key == "check:checkout").Breaching);
        Assert.Equal(degraded, observations.Single(o => o.Definition.Key == "degraded:checkout").Breaching);
        Assert.DoesNotContain(observations, o => o.Definition.Source == AlertSource.Certificate);
    }

    [Theory]
    // The certificate alert breaches below 14 days left and is observed only when a certificate was seen.
    [InlineData(13, true)]
    [InlineData(14, false)]
    [InlineData(200, false)]
    public void Observe_WarnsOfCertificateExpiry_BelowFourteenDays(int daysLeft, bool breaching)
    {
        var certificate = CheckAlerts.Observe(Check(), Service(), Run(CheckOutcome.Healthy) with { CertDaysLeft = daysLeft })
            .Single(o => o.Definition.Source == AlertSource.Certificate);

        Assert.Equal(breaching, certificate.Breaching);
        Assert.Equal(AlertSeverity.Warning, certificate.Definition.Severity);
        Assert.Equal(1, certificate.Definition.Policy.FailureThreshold);
    }

    [Fact]
    public void Failing_TakesSeverityThresholdsOwnersAndRunbook_FromSpec()
    {
        var check = Check() with { Alert = new CheckAlertSpec(AlertSeverity.Warning, 2, 4, null) };

        var failing = CheckAlerts.Failing(check, Service());

        Assert.Equal(AlertSeverity.Warning, failing.Severity);
        Assert.Equal((2, 4, (TimeSpan?)null), (failing.Policy.FailureThreshold, failing.Policy.SuccessThreshold, failing.Policy.KeepFiringFor));
        Assert.Equal(("shop", "web-platform", "https://runbooks.example.com/shop"), (failing.Service, failing.Team, failing.RunbookUrl));
        Assert.Equal("checkout", failing.Labels["check"]);
        Assert.Equal(["check:checkout"], CheckAlerts.Degraded(check, Service()).Policy.InhibitedBy);
    }

    [Fact]
    public void Observe_SummarisesTheFailedStepAndError()
    {
        var failing = CheckAlerts.Observe(Check(), Service(), Run(CheckOutcome.Failed)).Single(o => o.Definition.Source == AlertSource.Check);

        Assert.Equal("checkout failed at step pay (http-status): status 500, expected 201", failing.Summary);
        Assert.Equal(At, failing.At);
    }

    [Theory]
    // Interval 1m, max duration 45s: silent for more than 3m55s breaches. (seconds since the last run, or since
    // watching began when there is none) -> breaching
    [InlineData(60, true, false)]
    [InlineData(235, true, false)]
    [InlineData(236, true, true)]
    [InlineData(600, false, true)]
    [InlineData(200, false, false)]
    public void ObserveNoData_Breaches_WhenTheCheckHasBeenSilentForThreeIntervalsAndARun(int silentSeconds, bool hasRun, bool breaching)
    {
        var now = At.AddHours(1);
        var since = now.AddSeconds(-silentSeconds);

        var observation = CheckAlerts.ObserveNoData(Check(), Service(), hasRun ? since : null, hasRun ? At : since, now);

        Assert.Equal(TimeSpan.FromSeconds(235), CheckAlerts.NoDataAfter(Check()));
        Assert.Equal(breaching, observation.Breaching);
        Assert.Equal(("no-data:checkout", AlertSource.NoData, AlertSeverity.Warning, "web-platform"), (observation.Definition.Key, observation.Definition.Source, observation.Definition.Severity, observation.Definition.Team));
    }

    [Fact]
    public void ObserveNoData_NeverBreaches_ForADisabledCheck_OrWithinTheGracePeriodAfterAStart()
    {
        var now = At.AddHours(1);

        Assert.False(CheckAlerts.ObserveNoData(Check() with { Enabled = false }, null, null, At, now).Breaching);
        Assert.False(CheckAlerts.ObserveNoData(Check(), null, At, now.AddMinutes(-1), now).Breaching);
        Assert.Contains("last ran at", CheckAlerts.ObserveNoData(Check(), null, At, At, now).Summary, StringComparison.Ordinal);
    }

    private static CheckSpec Check() => new(
        "checkout", "shop", null, true, TimeSpan.FromMinutes(1), 1, TimeSpan.FromSeconds(45), null, true, "local",
        ImmutableDictionary<string, string>.Empty, [], []);

    private static ServiceSpec Service() => new("shop", "web-platform", 1, new Uri("https://runbooks.example.com/shop"), null);

    private static CheckRunResult Run(CheckOutcome outcome) => new(
        "checkout", "shop", "local", "run-1", At, outcome, 120, 1,
        outcome == CheckOutcome.Failed ? "pay" : null,
        outcome == CheckOutcome.Failed ? ErrorKind.HttpStatus : null,
        outcome == CheckOutcome.Failed ? 500 : 201,
        outcome switch { CheckOutcome.Failed => "status 500, expected 201", CheckOutcome.Degraded => "took 2000 ms", _ => null },
        null, []);
}
