using CsCheck;
using Monitoring.Core.Notifications;
using Monitoring.Core.Notifications.Digests;
using Xunit;
using static Monitoring.Core.Tests.Notifications.Digests.DigestFixtures;

namespace Monitoring.Core.Tests.Notifications.Digests;

/// <summary>
/// The digest policy over random arrivals, rates, failed sends and senders that never confirm, run on
/// a 10-second tick as the app does: never over budget in any sliding hour, every message sent exactly
/// once in order, and a resolve never in an earlier digest than its firing.
/// </summary>
public sealed class EmailDigestPropertyTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(10);

    // An arrival: seconds after the one before, which of 5 alerts, firing or resolved.
    private static readonly Gen<(int Gap, int Alert, bool Resolved)> ArrivalGen = Gen.Select(Gen.Int[0, 400], Gen.Int[0, 4], Gen.Bool);

    private static readonly Gen<Scenario> ScenarioGen = Gen.Select(
        Gen.Int[1, 12], Gen.Int[0, 120], Gen.Int[15, 900], Gen.Int[0, 30], ArrivalGen.Array[1, 120], Gen.Int[0, int.MaxValue],
        (perHour, wait, interval, failPercent, arrivals, seed) => new Scenario(perHour, wait, interval, failPercent, arrivals, seed));

    [Fact]
    public void Policy_KeepsTheBudgetAndLosesNothing_WhenArrivalsAndFailuresAreRandom()
    {
        ScenarioGen.Sample(scenario =>
        {
            var run = Simulate(scenario);

            NeverOverBudgetInAnySlidingHour(run.Claims, scenario.PerHour);
            Assert.Equal(run.Arrived, run.Delivered.SelectMany(d => d.Messages).Select(m => m.Id));
            ResolveNeverBeforeItsFiring(run.Delivered);
        }, iter: 300, print: s => s.ToString());
    }

    private static Run Simulate(Scenario scenario)
    {
        var policy = Policy(scenario.PerHour, scenario.WaitSeconds, scenario.IntervalSeconds);
        var random = new Random(scenario.Seed);
        var state = EmailDigestState.Empty;
        var claims = new List<DateTimeOffset>();
        var delivered = new List<EmailDigest>();
        var arrived = new List<string>();
        var now = Nine;
        var nextTick = Nine;
        var id = 0;

        void Flush()
        {
            if (policy.TryClaim(state, now, $"d{++id}") is not { } claim)
            {
                return;
            }

            claims.Add(now);
            state = claim.State;
            var fate = random.Next(100);
            if (fate < scenario.FailPercent)
            {
                state = EmailDigestPolicy.Return(state, claim.Digest.Id);
            }
            else if (fate < scenario.FailPercent + 3)
            {
                // The sender died after claiming: the lease lapses and the digest goes again.
            }
            else
            {
                delivered.Add(claim.Digest);
                state = EmailDigestPolicy.Complete(state, claim.Digest.Id);
            }
        }

        void TickUntil(DateTimeOffset until)
        {
            while (nextTick <= until)
            {
                now = nextTick;
                Flush();
                nextTick += Tick;
            }
        }

        var arrival = Nine;
        for (var i = 0; i < scenario.Arrivals.Length; i++)
        {
            var (gap, alert, resolved) = scenario.Arrivals[i];
            arrival = arrival.AddSeconds(gap);
            TickUntil(arrival);
            now = arrival;
            var held = new HeldMessage($"m{i}", now, new NotificationMessage("g", [Alert($"check:a{alert}", resolved ? NotificationKind.Resolved : NotificationKind.Firing, now)]));
            state = EmailDigestPolicy.Hold(state, held);
            arrived.Add(held.Id);

            // The channel tries at once, as DeliverAsync does.
            Flush();
        }

        // Then the tick alone, long enough for any backlog: failures and lapsed leases go again within the budget.
        var end = now.AddDays(2);
        while ((!state.Held.IsEmpty || state.Sending is not null) && nextTick < end)
        {
            TickUntil(nextTick);
        }

        return new Run(claims, delivered, arrived);
    }

    private static void NeverOverBudgetInAnySlidingHour(List<DateTimeOffset> claims, int perHour)
    {
        for (var i = 0; i < claims.Count; i++)
        {
            var inHour = claims.Count(c => c >= claims[i] && c < claims[i] + TimeSpan.FromHours(1));
            Assert.True(inHour <= perHour, $"{inHour} sends in the hour from {claims[i]:HH:mm:ss}, budget {perHour}.");
        }
    }

    private static void ResolveNeverBeforeItsFiring(List<EmailDigest> delivered)
    {
        var lastFiring = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var d = 0; d < delivered.Count; d++)
        {
            foreach (var alert in delivered[d].Messages.SelectMany(m => m.Message.Alerts))
            {
                if (alert.Kind == NotificationKind.Firing)
                {
                    lastFiring[alert.AlertKey] = d;
                }
                else
                {
                    Assert.True(!lastFiring.TryGetValue(alert.AlertKey, out var firing) || firing <= d);
                }
            }
        }
    }

    private sealed record Scenario(int PerHour, int WaitSeconds, int IntervalSeconds, int FailPercent, (int Gap, int Alert, bool Resolved)[] Arrivals, int Seed)
    {
        public override string ToString() =>
            $"{PerHour}/h, wait {WaitSeconds}s, interval {IntervalSeconds}s, {FailPercent}% failing, seed {Seed}, arrivals [{string.Join(' ', Arrivals.Select(a => $"+{a.Gap}s:a{a.Alert}{(a.Resolved ? "R" : "F")}"))}]";
    }

    private sealed record Run(List<DateTimeOffset> Claims, List<EmailDigest> Delivered, List<string> Arrived);
}
