using Monitoring.Core.Notifications;
using Monitoring.Core.Notifications.Digests;
using Xunit;
using static Monitoring.Core.Tests.Notifications.Digests.DigestFixtures;

namespace Monitoring.Core.Tests.Notifications.Digests;

/// <summary>When an email channel sends, and what: group wait, group interval, the hourly budget, leases and failures.</summary>
public sealed class EmailDigestPolicyTests
{
    [Fact]
    public void DueAt_IsNull_WhenNothingIsHeld()
    {
        Assert.Null(Policy().DueAt(EmailDigestState.Empty, Nine));
    }

    [Fact]
    public void DueAt_IsTheGroupWaitAfterTheFirstHeld_WhenTheBudgetIsUnused()
    {
        var state = Holding(Held("a", At(0)), Held("b", At(0, 20)));

        Assert.Equal(At(0, 30), Policy().DueAt(state, At(0, 20)));
        Assert.Null(Policy().TryClaim(state, At(0, 29), "d1"));
    }

    [Fact]
    public void TryClaim_TakesEverythingHeld_InOrder_AndRecordsTheSend()
    {
        var state = Holding(Held("a", At(0)), Held("b", At(0, 20)), Held("c", At(0, 25)));

        var (next, digest) = Policy().TryClaim(state, At(0, 30), "d1")!.Value;

        Assert.Equal(["a", "b", "c"], digest.Messages.Select(m => m.Id));
        Assert.Empty(next.Held);
        Assert.Equal([At(0, 30)], next.Sent);
        Assert.Equal("d1", next.Sending?.Id);
    }

    [Fact]
    public void DueAt_SkipsTheGroupWait_ForATestMessage()
    {
        var state = Holding(Held("t", At(0), NotificationKind.Test));

        Assert.Equal(At(0), Policy().DueAt(state, At(0)));
    }

    [Fact]
    public void DueAt_WaitsTheGroupInterval_AfterTheLastDigest()
    {
        var state = Holding(Held("b", At(1))) with { Sent = [At(0)] };

        Assert.Equal(At(5), Policy().DueAt(state, At(1)));
    }

    [Fact]
    public void DueAt_WaitsForTheOldestSendOfTheHourToLeaveTheWindow_WhenTheBudgetIsSpent()
    {
        // Ten sends a minute apart spend the budget; the eleventh waits until the first is an hour old.
        var state = Holding(Held("late", At(12))) with { Sent = [.. Enumerable.Range(0, 10).Select(m => At(m))] };

        Assert.Equal(At(60), Policy(intervalSeconds: 60).DueAt(state, At(12)));
        Assert.Null(Policy(intervalSeconds: 60).TryClaim(state, At(59, 59), "d"));
        Assert.NotNull(Policy(intervalSeconds: 60).TryClaim(state, At(60), "d"));
    }

    [Fact]
    public void TryClaim_ForgetsSendsOlderThanAnHour()
    {
        var state = Holding(Held("a", At(61))) with { Sent = [At(0), At(30), At(60)] };

        var (next, _) = Policy(intervalSeconds: 60).TryClaim(state, At(65), "d")!.Value;

        Assert.Equal([At(30), At(60), At(65)], next.Sent);
    }

    [Fact]
    public void TryClaim_WaitsForTheDigestBeingSent_UntilItsLeaseEnds()
    {
        var (sending, _) = Policy(waitSeconds: 0, intervalSeconds: 15).TryClaim(Holding(Held("a", At(0))), At(0), "d1")!.Value;
        var state = EmailDigestPolicy.Hold(sending, Held("b", At(1)));

        Assert.Null(Policy(waitSeconds: 0, intervalSeconds: 15).TryClaim(state, At(4, 59), "d2"));
        Assert.Equal(At(5), Policy(waitSeconds: 0, intervalSeconds: 15).DueAt(state, At(1)));
    }

    [Fact]
    public void TryClaim_SendsALapsedDigestAgain_FirstAndInOrder_WhenItsSenderNeverConfirmed()
    {
        var policy = Policy(waitSeconds: 0, intervalSeconds: 15);
        var (sending, _) = policy.TryClaim(Holding(Held("a", At(0))), At(0), "d1")!.Value;
        var state = EmailDigestPolicy.Hold(sending, Held("b", At(1)));

        var (next, digest) = policy.TryClaim(state, At(5), "d2")!.Value;

        Assert.Equal(["a", "b"], digest.Messages.Select(m => m.Id));
        Assert.Equal([At(0), At(5)], next.Sent);
    }

    [Fact]
    public void Return_PutsAFailedDigestBeforeEverythingHeldSince_AndKeepsItsSendInTheLedger()
    {
        var policy = Policy(waitSeconds: 0);
        var (sending, digest) = policy.TryClaim(Holding(Held("a", At(0)), Held("b", At(0))), At(0), "d1")!.Value;
        var state = EmailDigestPolicy.Hold(sending, Held("c", At(1)));

        var returned = EmailDigestPolicy.Return(state, digest.Id);

        Assert.Equal(["a", "b", "c"], returned.Held.Select(h => h.Id));
        Assert.Null(returned.Sending);
        Assert.Equal([At(0)], returned.Sent);
        Assert.Equal(At(5), policy.DueAt(returned, At(1)));
    }

    [Fact]
    public void CompleteAndReturn_ChangeNothing_WhenTheDigestIsNoLongerTheOneSending()
    {
        var (sending, _) = Policy(waitSeconds: 0).TryClaim(Holding(Held("a", At(0))), At(0), "d1")!.Value;

        Assert.Same(sending, EmailDigestPolicy.Complete(sending, "other"));
        Assert.Same(sending, EmailDigestPolicy.Return(sending, "other"));
        Assert.Null(EmailDigestPolicy.Complete(sending, "d1").Sending);
    }

    [Fact]
    public void ToMessage_KeepsEveryNotificationInOrder_AndNamesTheChannel_WhenGroupsDiffer()
    {
        var other = Held("b", At(1)) with { Message = new NotificationMessage("route:tickets/service:shop", [Alert("check:b")]) };
        var digest = new EmailDigest("d", At(2), [Held("a", At(0)), other, Held("a", At(3), NotificationKind.Resolved)]);

        var message = digest.ToMessage("oncall-email");

        Assert.Equal("digest:oncall-email", message.GroupKey);
        Assert.Equal([("check:a", NotificationKind.Firing), ("check:b", NotificationKind.Firing), ("check:a", NotificationKind.Resolved)], message.Alerts.Select(a => (a.AlertKey, a.Kind)));
    }
}
