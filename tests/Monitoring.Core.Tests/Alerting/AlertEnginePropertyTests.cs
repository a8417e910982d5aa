using CsCheck;
using Monitoring.Core.Alerting;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>
/// Invariants over random histories: random policies, breaching patterns, gaps between instants,
/// acknowledgements, silences (matching or not, starting now or later, expired early) and escalation calls.
/// </summary>
public sealed class AlertEnginePropertyTests
{
    private static readonly EscalationPolicy Escalation = new([TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(15)], TimeSpan.FromMinutes(20));

    private static readonly Gen<Step> StepGen = Gen.Select(Gen.Int[1, 4], Gen.Int[0, 99], Gen.Int[0, 99], Gen.Int[1, 40], (gap, action, coin, length) => new Step(gap, action, coin, length));

    private static readonly Gen<History> HistoryGen = Gen.Select(
        Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[-1, 15], Gen.Int[5, 95], StepGen.Array[1, 150],
        (failure, success, keep, bias, steps) => new History(
            new AlertPolicy { FailureThreshold = failure, SuccessThreshold = success, KeepFiringFor = keep < 0 ? null : TimeSpan.FromMinutes(keep) },
            bias,
            steps));

    [Fact]
    public async Task Engine_KeepsItsInvariants_WhenHistoriesAreRandom()
    {
        await HistoryGen.SampleAsync(async history =>
        {
            var run = await RunAsync(history);

            NoNotificationWithoutAFiringTransition(run);
            AtMostOneOpenIncidentAtAnyTime(run);
            NoNotificationWhileSilenced(run);
            NoEscalationOrRepeatAfterAcknowledgement(run);
        }, iter: 300, print: h => h.ToString());
    }

    [Fact]
    public async Task Engine_OpensIncidentsNoCloserThanTheHysteresis_WhenTheDefaultsFaceRandomFlapping()
    {
        // With the defaults an incident resolves only after ten minutes without a breach and a new
        // one needs three breaches in a row, so incident starts are at least 12 minutes apart
        // and every incident sends at most two notifications without escalation.
        var gen = Gen.Int[5, 95].Select(Gen.Bool.Array[20, 400], (bias, coins) => (bias, coins));
        await gen.SampleAsync(async sample =>
        {
            var harness = new AlertHarness();
            for (var minute = 0; minute < sample.coins.Length; minute++)
            {
                await harness.ObserveAsync(Checkout, sample.coins[minute], minute);
            }

            var starts = harness.Notifications.Where(n => n.Notify == AlertNotifyKind.Firing).Select(n => n.At).ToList();
            Assert.All(starts.Zip(starts.Skip(1)), pair => Assert.True(pair.Second - pair.First >= TimeSpan.FromMinutes(12), $"Incidents opened at {pair.First:t} and {pair.Second:t}."));
            Assert.All(harness.Notifications.GroupBy(n => n.Incident), incident => Assert.True(incident.Count() <= 2));
        }, iter: 200);
    }

    private static async Task<Run> RunAsync(History history)
    {
        var harness = new AlertHarness();
        var definition = Checkout with { Policy = history.Policy };
        var silences = new List<Silence>();
        double minute = 0;
        foreach (var step in history.Steps)
        {
            minute += step.Gap;
            switch (step.Action)
            {
                case < 60:
                    await harness.ObserveAsync(definition, step.Coin < history.Bias, minute);
                    break;
                case < 70:
                    await harness.AcknowledgeAsync(definition.Key, minute);
                    break;
                case < 80:
                    // Half the silences match the alert; some start now, some a few minutes later.
                    var matcher = step.Coin % 2 == 0 ? new AlertMatcher("service", "shop") : new AlertMatcher("team", "someone-else");
                    var start = minute + (step.Coin % 3);
                    var silence = SilenceOf($"s{silences.Count}", start, start + step.Length, matcher);
                    await harness.AddSilenceAsync(silence);
                    silences.Add(silence);
                    break;
                case < 85 when silences.Count > 0:
                    var expired = silences[step.Coin % silences.Count];
                    await harness.ExpireSilenceAsync(expired.Id, minute);
                    var index = silences.IndexOf(expired);
                    silences[index] = expired with { EndsAt = Max(expired.StartsAt, Min(expired.EndsAt, At(minute))) };
                    break;
                default:
                    await harness.EscalateAsync(minute, Escalation);
                    break;
            }
        }

        return new Run(definition, harness.Transitions, silences);
    }

    private static void NoNotificationWithoutAFiringTransition(Run run)
    {
        for (var i = 0; i < run.Transitions.Count; i++)
        {
            var notification = run.Transitions[i];
            if (notification.Notify == AlertNotifyKind.None)
            {
                continue;
            }

            Assert.Contains(run.Transitions.Take(i + 1), t => t.To == AlertState.Firing && t.Incident == notification.Incident);
        }
    }

    private static void AtMostOneOpenIncidentAtAnyTime(Run run)
    {
        int? open = null;
        var lastIncident = 0;
        foreach (var t in run.Transitions)
        {
            switch (t.To)
            {
                case AlertState.Firing or AlertState.Acknowledged or AlertState.Silenced:
                    if (open is null)
                    {
                        Assert.Equal(lastIncident + 1, t.Incident);
                        (open, lastIncident) = (t.Incident, t.Incident);
                    }

                    Assert.Equal(open, t.Incident);
                    break;
                case AlertState.Resolved:
                    Assert.Equal(open, t.Incident);
                    open = null;
                    break;
                default:
                    Assert.Null(open);
                    break;
            }
        }
    }

    private static void NoNotificationWhileSilenced(Run run)
    {
        foreach (var notification in run.Transitions.Where(t => t.Notify != AlertNotifyKind.None))
        {
            Assert.NotEqual(AlertState.Silenced, notification.To);
            Assert.False(run.Silences.Any(s => s.Matches(run.Definition) && s.IsActiveAt(notification.At)), $"Notified {notification} while silenced. " + string.Join("\n", run.Transitions));
        }
    }

    private static void NoEscalationOrRepeatAfterAcknowledgement(Run run)
    {
        var acknowledged = new HashSet<int>();
        foreach (var t in run.Transitions)
        {
            if (t.Reason?.StartsWith("acknowledged by", StringComparison.Ordinal) == true)
            {
                acknowledged.Add(t.Incident);
            }
            else if (t.Notify is AlertNotifyKind.Escalation or AlertNotifyKind.Repeat)
            {
                Assert.DoesNotContain(t.Incident, acknowledged);
            }
        }
    }

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a <= b ? a : b;

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a >= b ? a : b;

    public sealed record Step(int Gap, int Action, int Coin, int Length);

    public sealed record History(AlertPolicy Policy, int Bias, Step[] Steps)
    {
        public override string ToString() =>
            $"failure {Policy.FailureThreshold}, success {Policy.SuccessThreshold}, keep {Policy.KeepFiringFor}, bias {Bias}: "
            + string.Join(" ", Steps.Select(s => $"+{s.Gap}/{s.Action}/{s.Coin}/{s.Length}"));
    }

    private sealed record Run(AlertDefinition Definition, List<AlertTransition> Transitions, List<Silence> Silences);
}
