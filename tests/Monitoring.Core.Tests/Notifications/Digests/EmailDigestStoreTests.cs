using System.Collections.Immutable;
using Monitoring.Core.Notifications;
using Monitoring.Core.Notifications.Digests;
using Monitoring.Core.State;
using Xunit;
using static Monitoring.Core.Tests.Notifications.Digests.DigestFixtures;

namespace Monitoring.Core.Tests.Notifications.Digests;

/// <summary>The email channel state in a state store: it survives a new instance, and racing instances never claim one digest twice.</summary>
public sealed class EmailDigestStoreTests
{
    [Fact]
    public async Task HeldMessages_SurviveANewInstance_WithEveryField()
    {
        var store = new InMemoryStateStore();
        var alert = Alert("check:checkout") with
        {
            RunbookUrl = new Uri("https://runbooks.example.com/shop#checkout"),
            Labels = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [new KeyValuePair<string, string>("journey", "checkout")]),
            LastError = "status 500",
        };
        await new EmailDigestStore(store, "oncall-email", Policy()).HoldAsync(new NotificationMessage("g", [alert]), At(0), TestContext.Current.CancellationToken);

        var digest = await new EmailDigestStore(store, "oncall-email", Policy()).ClaimDueAsync(At(1), TestContext.Current.CancellationToken);

        var read = Assert.Single(digest!.ToMessage("oncall-email").Alerts);
        Assert.Equal(alert, read with { Labels = alert.Labels });
        Assert.Equal(alert.Labels, read.Labels);
        Assert.Same(StringComparer.Ordinal, read.Labels.KeyComparer);
    }

    [Fact]
    public async Task RacingInstances_ClaimEachHeldMessageOnce_AndShareOneBudget()
    {
        var store = new InMemoryStateStore();
        var first = new EmailDigestStore(store, "oncall-email", Policy(perHour: 3, waitSeconds: 0, intervalSeconds: 15));
        var second = new EmailDigestStore(store, "oncall-email", Policy(perHour: 3, waitSeconds: 0, intervalSeconds: 15));
        var sent = new List<EmailDigest>();

        for (var minute = 0; minute < 180; minute++)
        {
            var holds = Enumerable.Range(0, 3).Select(i => (i % 2 == 0 ? first : second).HoldAsync(new NotificationMessage("g", [Alert($"check:m{minute}-{i}")]), At(minute), TestContext.Current.CancellationToken));
            await Task.WhenAll(holds);
            var claims = await Task.WhenAll(first.ClaimDueAsync(At(minute, 30), TestContext.Current.CancellationToken), second.ClaimDueAsync(At(minute, 30), TestContext.Current.CancellationToken));
            foreach (var digest in claims.OfType<EmailDigest>())
            {
                sent.Add(digest);
                await first.CompleteAsync(digest, TestContext.Current.CancellationToken);
            }
        }

        var later = await first.ClaimDueAsync(At(240), TestContext.Current.CancellationToken);
        sent.Add(later!);

        var keys = sent.SelectMany(d => d.ToMessage("oncall-email").Alerts).Select(a => a.AlertKey).ToList();
        Assert.Equal(180 * 3, keys.Count);
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(3 * 3 + 1, sent.Count);
    }
}
