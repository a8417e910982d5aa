using System.Net;
using System.Net.Sockets;

namespace Monitoring.Azure.Tests.Support;

/// <summary>Endpoints that fail the way networks do: a port nothing listens on, and a server that accepts and never answers.</summary>
internal static class DeadEndpoints
{
    /// <summary>A loopback port that was free a moment ago, so connecting to it is refused.</summary>
    public static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    /// <summary>A loopback listener that accepts connections and never answers; disposing it closes them.</summary>
    public sealed class Silent : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private readonly List<Socket> accepted = [];
        private readonly CancellationTokenSource stop = new();

        /// <summary>Starts listening.</summary>
        public Silent()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        /// <summary>The port it listens on.</summary>
        public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

        /// <inheritdoc/>
        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            lock (accepted)
            {
                accepted.ForEach(s => s.Dispose());
            }

            stop.Dispose();
        }

        private async Task AcceptAsync()
        {
            try
            {
                while (!stop.IsCancellationRequested)
                {
                    var socket = await listener.AcceptSocketAsync(stop.Token);
                    lock (accepted)
                    {
                        accepted.Add(socket);
                    }
                }
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                // Stopped.
            }
        }
    }
}
