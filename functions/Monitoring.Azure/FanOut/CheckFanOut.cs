using Azure;
using Azure.Storage.Queues;
using Azure.Storage.Queues.Models;

namespace Monitoring.Azure.FanOut;

/// <summary>
/// The Storage queue checks fan out over. Messages are base64-encoded, as the Functions host's queue trigger expects
/// by default, so the host and the app's local listener read the same messages. A message that cannot be used goes
/// to <c>&lt;queue&gt;-poison</c>, the host's own convention.
/// </summary>
public sealed class CheckFanOut
{
    private readonly QueueClient _queue;
    private readonly QueueClient _poison;
    private readonly Lazy<Task> _created;

    /// <summary>Uses <paramref name="queue"/> and its poison queue, creating both on first use.</summary>
    public CheckFanOut(QueueClient queue, QueueClient poison)
    {
        ArgumentNullException.ThrowIfNull(queue);
        ArgumentNullException.ThrowIfNull(poison);
        _queue = queue;
        _poison = poison;
        _created = new Lazy<Task>(() => Task.WhenAll(_queue.CreateIfNotExistsAsync(), _poison.CreateIfNotExistsAsync()), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The options every client of the check queue uses: base64 messages, as the Functions host reads them.</summary>
    public static QueueClientOptions ClientOptions() => new() { MessageEncoding = QueueMessageEncoding.Base64 };

    /// <summary>The queue's name.</summary>
    public string Name => _queue.Name;

    /// <summary>Sends <paramref name="text"/>, visible after <paramref name="delay"/> (a confirmation run waits one tick).</summary>
    public async Task SendAsync(string text, TimeSpan? delay, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        await _queue.SendMessageAsync(text, delay, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Up to <paramref name="max"/> messages, each hidden for <paramref name="visibility"/> while it is handled.</summary>
    public async Task<IReadOnlyList<QueueMessage>> ReceiveAsync(int max, TimeSpan visibility, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        var response = await _queue.ReceiveMessagesAsync(max, visibility, cancellationToken).ConfigureAwait(false);
        return response.Value;
    }

    /// <summary>Removes a handled message; false when it was already gone (its visibility lapsed and another took it).</summary>
    public async Task<bool> DeleteAsync(QueueMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        try
        {
            await _queue.DeleteMessageAsync(message.MessageId, message.PopReceipt, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return false;
        }
    }

    /// <summary>Moves <paramref name="text"/> to the poison queue, where someone can look at it; nothing is dropped silently.</summary>
    public async Task PoisonAsync(string text, CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        await _poison.SendMessageAsync(text, cancellationToken: cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Messages waiting (approximate, as the service counts them).</summary>
    public async Task<int> CountAsync(CancellationToken cancellationToken)
    {
        await _created.Value.ConfigureAwait(false);
        var properties = await _queue.GetPropertiesAsync(cancellationToken).ConfigureAwait(false);
        return properties.Value.ApproximateMessagesCount;
    }
}
