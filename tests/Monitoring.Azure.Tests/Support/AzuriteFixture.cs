using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using DotNet.Testcontainers.Builders;
using DotNet.Testcontainers.Containers;
using Xunit;

[assembly: AssemblyFixture(typeof(Monitoring.Azure.Tests.Support.AzuriteFixture))]

namespace Monitoring.Azure.Tests.Support;

/// <summary>
/// One Azurite for the whole test assembly: a Testcontainers container when a Docker engine answers, otherwise the
/// pinned npm package from tests/tooling, run by node as a child process on ports the OS picks, in memory, and killed
/// with its whole process tree at the end. Every test uses its own table, queue or container names, so tests never
/// see each other's data.
/// </summary>
public sealed partial class AzuriteFixture : IAsyncLifetime
{
    /// <summary>Azurite's well-known development account (public, documented, not a secret).</summary>
    public const string AccountName = "devstoreaccount1";

    /// <summary>The development account's well-known key.</summary>
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Dictionary<string, int> ports = new(StringComparer.Ordinal);
    private Process? process;
    private IContainer? container;
    private string host = "127.0.0.1";

    /// <summary>The Table service endpoint, account path included.</summary>
    public Uri TableEndpoint => Endpoint("Table");

    /// <summary>The Queue service endpoint, account path included.</summary>
    public Uri QueueEndpoint => Endpoint("Queue");

    /// <summary>The Blob service endpoint, account path included.</summary>
    public Uri BlobEndpoint => Endpoint("Blob");

    /// <summary>A storage connection string for the three services.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture,
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint={BlobEndpoint};QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};");

    /// <summary>A name no other test uses: lower-case letters and digits, as tables, queues and containers all accept.</summary>
    public static string UniqueName(string prefix) => prefix + Guid.NewGuid().ToString("N")[..12];

    /// <summary>The Azurite image used when Docker is available: the same version as the npm package.</summary>
    public const string Image = "mcr.microsoft.com/azure-storage/azurite:3.37.0";

    /// <summary>How this run got its Azurite: "container" or "npm".</summary>
    public string Source { get; private set; } = "npm";

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        if (await TryStartContainerAsync())
        {
            return;
        }

        var script = Path.Combine(Monitoring.Testing.TestTooling.Directory(), "node_modules", "azurite", "dist", "src", "azurite.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"Azurite is not installed at {script}: run 'npm ci' in tests/tooling (the test project's build does it).");
        }

        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { script, "--silent", "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--blobPort", "0", "--queuePort", "0", "--tablePort", "0" })
        {
            start.ArgumentList.Add(argument);
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        var listening = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new System.Text.StringBuilder();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                lock (errors)
                {
                    errors.AppendLine(e.Data);
                }
            }
        };
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null || Listening().Match(e.Data) is not { Success: true } match)
            {
                return;
            }

            lock (ports)
            {
                ports[match.Groups["service"].Value] = int.Parse(match.Groups["port"].Value, CultureInfo.InvariantCulture);
                if (ports.Count == 3)
                {
                    listening.TrySetResult();
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var exited = process.WaitForExitAsync();
        var first = await Task.WhenAny(listening.Task, exited, Task.Delay(StartTimeout));
        if (first != listening.Task)
        {
            await DisposeAsync();
            string stderr;
            lock (errors)
            {
                stderr = errors.ToString();
            }

            throw new InvalidOperationException($"Azurite did not start listening within {StartTimeout.TotalSeconds:0} s. {stderr}");
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (container is not null)
        {
            await container.DisposeAsync();
            container = null;
        }

        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(TimeSpan.FromSeconds(10));
        }

        process?.Dispose();
        process = null;
    }

    // Docker first, as CI machines with an engine prefer; no engine answers within milliseconds, and then npm serves.
    private async Task<bool> TryStartContainerAsync()
    {
        try
        {
            var started = new ContainerBuilder(Image)
                .WithCommand("azurite", "--blobHost", "0.0.0.0", "--queueHost", "0.0.0.0", "--tableHost", "0.0.0.0", "--inMemoryPersistence", "--skipApiVersionCheck", "--disableTelemetry")
                .WithPortBinding(10000, assignRandomHostPort: true)
                .WithPortBinding(10001, assignRandomHostPort: true)
                .WithPortBinding(10002, assignRandomHostPort: true)
                .WithWaitStrategy(Wait.ForUnixContainer().UntilMessageIsLogged("Azurite Table service is successfully listening"))
                .Build();
            await started.StartAsync();
            container = started;
            host = started.Hostname;
            lock (ports)
            {
                ports["Blob"] = started.GetMappedPublicPort(10000);
                ports["Queue"] = started.GetMappedPublicPort(10001);
                ports["Table"] = started.GetMappedPublicPort(10002);
            }

            Source = "container";
            return true;
        }
        catch (DockerUnavailableException)
        {
            return false;
        }
    }

    private Uri Endpoint(string service)
    {
        lock (ports)
        {
            return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{host}:{ports[service]}/{AccountName}"));
        }
    }

    [GeneratedRegex(@"Azurite (?<service>Blob|Queue|Table) service is successfully listening at http://127\.0\.0\.1:(?<port>\d+)")]
    private static partial Regex Listening();
}
