using System.Globalization;
using System.Text.Json.Nodes;
using Monitoring.Azure.FanOut;
using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.FanOut;

/// <summary>
/// What the Functions host does for <c>RunChecks</c> when there is no host (a local run on Azurite): receives check
/// messages, invokes the handler with the host's payload, deletes a message once handled, and after five failed
/// attempts moves it to the poison queue, as the host would.
/// </summary>
public sealed partial class LocalQueueListener(CheckFanOut queue, IEnumerable<IFunctionHandler> handlers, ILogger<LocalQueueListener> logger) : BackgroundService
{
    /// <summary>Attempts before a message is poisoned: the host's default.</summary>
    public const int MaxDequeueCount = 5;

    private static readonly TimeSpan Visibility = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(1);

    private readonly IFunctionHandler runChecks = handlers.Single(h => h.FunctionName == "RunChecks");

    /// <summary>Receives and handles one batch of messages; returns how many were handled (tests drive it directly).</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var messages = await queue.ReceiveAsync(16, Visibility, cancellationToken);
        await Task.WhenAll(messages.Select(async message =>
        {
            var text = message.MessageText;
            var request = new InvocationRequest(
                new JsonObject { ["message"] = text },
                new JsonObject
                {
                    ["Id"] = message.MessageId,
                    ["DequeueCount"] = message.DequeueCount,
                    ["InsertionTime"] = message.InsertedOn?.ToString("O", CultureInfo.InvariantCulture),
                });
            try
            {
                await runChecks.InvokeAsync(request, cancellationToken);
                await queue.DeleteAsync(message, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                if (message.DequeueCount >= MaxDequeueCount)
                {
                    await queue.PoisonAsync(text, cancellationToken);
                    await queue.DeleteAsync(message, cancellationToken);
                }

                HandlingFailed(logger, message.MessageId, message.DequeueCount, exception);
            }
        }));
        return messages.Count;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await PollOnceAsync(stoppingToken) == 0)
                {
                    await Task.Delay(IdleWait, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The queue itself is unreachable: say so and try again shortly, as the host's listener does.
                ListenFailed(logger, exception);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken);
            }
        }
    }

    [LoggerMessage(EventId = 141, Level = LogLevel.Warning, Message = "Handling check message {MessageId} failed (attempt {DequeueCount})")]
    private static partial void HandlingFailed(ILogger logger, string messageId, long dequeueCount, Exception exception);

    [LoggerMessage(EventId = 142, Level = LogLevel.Error, Message = "Receiving from the check queue failed")]
    private static partial void ListenFailed(ILogger logger, Exception exception);
}
