using Monitoring.Core.Alerting;
using Monitoring.Core.State;

namespace Monitoring.Core.Tests.Alerting;

/// <summary>An engine on an in-memory store, fed one observation per minute from a pattern like <c>XXX..</c> (X breaching).</summary>
public sealed class AlertHarness
{
    public AlertHarness(Func<DateTimeOffset, IEnumerable<Silence>>? scheduledSilences = null)
    {
        Store = new InMemoryStateStore();
        Engine = new AlertEngine(Store, scheduledSilences);
    }

    public InMemoryStateStore Store { get; }

    public AlertEngine Engine { get; }

    /// <summary>Every transition the harness saw, in order.</summary>
    public List<AlertTransition> Transitions { get; } = [];

    public IEnumerable<AlertTransition> Notifications => Transitions.Where(t => t.Notify != AlertNotifyKind.None);

    private static CancellationToken Cancellation => Xunit.TestContext.Current.CancellationToken;

    /// <summary>Feeds <paramref name="pattern"/> from <paramref name="startMinute"/>, one minute apart; returns the state letter after each.</summary>
    public async Task<string> FeedAsync(AlertDefinition definition, string pattern, int startMinute = 0)
    {
        var states = new List<char>();
        for (var i = 0; i < pattern.Length; i++)
        {
            await ObserveAsync(definition, pattern[i] == 'X', startMinute + i);
            states.Add(AlertFixtures.Letter((await Engine.GetAsync(definition.Key, Cancellation))!.State));
        }

        return new string([.. states]);
    }

    public async Task<IReadOnlyList<AlertTransition>> ObserveAsync(AlertDefinition definition, bool breaching, double minute) =>
        await EvaluateAsync(minute, new AlertObservation(definition, breaching, breaching ? "checkout answered 500" : "healthy", AlertFixtures.At(minute)));

    public async Task<IReadOnlyList<AlertTransition>> EvaluateAsync(double minute, params AlertObservation[] observations) =>
        Record(await Engine.EvaluateAsync(observations, AlertFixtures.At(minute), Cancellation));

    public async Task<AlertTransition?> AcknowledgeAsync(string key, double minute)
    {
        var transition = await Engine.AcknowledgeAsync(key, "bob", AlertFixtures.At(minute), Cancellation);
        if (transition is not null)
        {
            Transitions.Add(transition);
        }

        return transition;
    }

    public async Task<IReadOnlyList<AlertTransition>> EscalateAsync(double minute, EscalationPolicy policy) =>
        Record(await Engine.EscalateAsync(AlertFixtures.At(minute), _ => policy, Cancellation));

    public async Task<IReadOnlyList<AlertTransition>> ExpireSilenceAsync(string id, double minute) =>
        Record(await Engine.ExpireSilenceAsync(id, AlertFixtures.At(minute), Cancellation));

    public async Task AddSilenceAsync(Silence silence) => Xunit.Assert.True(await Engine.AddSilenceAsync(silence, Cancellation));

    /// <summary>Notifications as "minute:kind" for compact expectations.</summary>
    public string NotificationLog() =>
        string.Join(" ", Notifications.Select(n => $"{(n.At - AlertFixtures.Noon).TotalMinutes}:{n.Notify.ToWireName()}"));

    private IReadOnlyList<AlertTransition> Record(IReadOnlyList<AlertTransition> transitions)
    {
        Transitions.AddRange(transitions);
        return transitions;
    }
}
