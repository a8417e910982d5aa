using Monitoring.Core.Alerting;
using Monitoring.Core.State;
using Xunit;
using static Monitoring.Core.Tests.Alerting.AlertFixtures;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>Two instances on one store evaluating the same thing at once make each transition exactly once.</summary>
public sealed class AlertEngineConcurrencyTests
{
    private const int Iterations = 200;

    private static readonly AlertDefinition FiresAtOnce = Checkout with { Policy = new AlertPolicy { FailureThreshold = 1, KeepFiringFor = null } };

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EvaluateAsync_MakesExactlyOneNotifyTransition_WhenTwoInstancesTakeTheSameObservationAtOnce()
    {
        var lostRaces = 0;
        for (var i = 0; i < Iterations; i++)
        {
            var store = new InMemoryStateStore();
            var (first, second) = (new AlertEngine(store), new AlertEngine(store));
            AlertObservation[] observation = [new(FiresAtOnce, true, "checkout answered 500", Noon)];

            var results = await Task.WhenAll(
                Task.Run(() => first.EvaluateAsync(observation, Noon, Cancellation), Cancellation),
                Task.Run(() => second.EvaluateAsync(observation, Noon, Cancellation), Cancellation));

            var notified = Assert.Single(results.SelectMany(r => r), t => t.Notify != AlertNotifyKind.None);
            Assert.Equal((AlertState.Inactive, AlertState.Firing, 1), (notified.From, notified.To, notified.Incident));
            Assert.Single(results.SelectMany(r => r));
            lostRaces += store.LostWrites;
        }

        // Proof that the instances really raced, not merely took turns.
        Assert.True(lostRaces > 0, "No conditional write ever lost: the test did not race.");
    }

    [Fact]
    public async Task EvaluateAsync_NotifiesAsOneInstanceWould_WhenTwoInstancesTakeEveryObservationOfAnOutage()
    {
        var store = new InMemoryStateStore();
        var (first, second) = (new AlertEngine(store), new AlertEngine(store));
        var transitions = new List<AlertTransition>();

        for (var minute = 0; minute < 120; minute++)
        {
            AlertObservation[] observation = [new(Checkout, minute is >= 10 and < 40, "checkout", At(minute))];
            var results = await Task.WhenAll(
                Task.Run(() => first.EvaluateAsync(observation, At(minute), Cancellation), Cancellation),
                Task.Run(() => second.EvaluateAsync(observation, At(minute), Cancellation), Cancellation));
            transitions.AddRange(results.SelectMany(r => r));
        }

        Assert.Equal(
            [(12d, AlertNotifyKind.Firing), (49d, AlertNotifyKind.Resolved)],
            transitions.Where(t => t.Notify != AlertNotifyKind.None).Select(t => ((t.At - Noon).TotalMinutes, t.Notify)));
    }

    [Fact]
    public async Task AcknowledgeAsync_SucceedsOnce_WhenTwoPeopleAcknowledgeAtOnce()
    {
        for (var i = 0; i < Iterations / 4; i++)
        {
            var store = new InMemoryStateStore();
            var (first, second) = (new AlertEngine(store), new AlertEngine(store));
            await first.ObserveAsync(new AlertObservation(FiresAtOnce, true, "down", Noon), Cancellation);

            var acks = await Task.WhenAll(
                Task.Run(() => first.AcknowledgeAsync(FiresAtOnce.Key, "alice", At(1), Cancellation), Cancellation),
                Task.Run(() => second.AcknowledgeAsync(FiresAtOnce.Key, "bob", At(1), Cancellation), Cancellation));

            Assert.Single(acks, a => a is not null);
        }
    }

    [Fact]
    public async Task EscalateAsync_ClaimsEachLevelOnce_WhenTwoInstancesAskAtOnce()
    {
        var policy = new EscalationPolicy([TimeSpan.FromMinutes(15)], null);
        for (var i = 0; i < Iterations / 4; i++)
        {
            var store = new InMemoryStateStore();
            var (first, second) = (new AlertEngine(store), new AlertEngine(store));
            await first.ObserveAsync(new AlertObservation(FiresAtOnce, true, "down", Noon), Cancellation);

            var claims = await Task.WhenAll(
                Task.Run(() => first.EscalateAsync(At(15), _ => policy, Cancellation), Cancellation),
                Task.Run(() => second.EscalateAsync(At(15), _ => policy, Cancellation), Cancellation));

            Assert.Equal(AlertNotifyKind.Escalation, Assert.Single(claims.SelectMany(c => c)).Notify);
        }
    }
}
