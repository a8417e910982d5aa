using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using Xunit;

namespace Monitoring.Functions.Tests.Support;

/// <summary>The tests that share one <see cref="PostgresServer"/>.</summary>
[CollectionDefinition(PostgresServer.Collection)]
public sealed class PostgresTestGroup : ICollectionFixture<PostgresServer>;

/// <summary>
/// A real PostgreSQL server from the Debian packages, private to the test run: its own data directory in a temp
/// directory, password authentication (scram-sha-256) for a test user with a generated password, listening on
/// 127.0.0.1 and a free port (its Unix socket in the temp directory). Run as the <c>postgres</c> OS user when the tests
/// run as root, since PostgreSQL refuses root. Stopped, its process tree killed if it does not stop, and its directory
/// deleted, on dispose.
/// </summary>
/// <remarks>
/// The binaries are found on PATH or under <c>/usr/lib/postgresql/&lt;version&gt;/bin</c> (the newest version); when
/// there are none and the tests run as root, <c>apt-get install -y postgresql</c> installs them first. initdb takes
/// several seconds, so its result (with the test database) is kept as a template in the temp directory, one per
/// PostgreSQL build and OS user, and each server starts from a copy: about two seconds.
/// </remarks>
public sealed class PostgresServer : IAsyncLifetime
{
    /// <summary>The collection name of the shared server.</summary>
    public const string Collection = "postgres";

    /// <summary>The test user (a superuser of this private server).</summary>
    public const string User = "monitor";

    /// <summary>The database the tests use.</summary>
    public const string Database = "monitoring";

    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private static readonly SemaphoreSlim TemplateGate = new(1, 1);

    // Part of the template's cache key: change it when the template's making changes.
    private const string TemplateLayout = "v1: initdb local=trust host=scram-sha-256 C UTF8 wal-segsize=1; CREATE DATABASE";
    private const string ReadyMarker = "template-ready";
    private static readonly string[] Binaries = ["initdb", "pg_ctl", "postgres"];

    private readonly StringBuilder log = new();
    private string? directory;
    private string? binaries;
    private Process? process;

    /// <summary>The test user's password, generated for this server.</summary>
    public string Password { get; } = "pw-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)).ToLowerInvariant();

    /// <summary>The TCP port on 127.0.0.1.</summary>
    public int Port { get; private set; }

    /// <summary>How long starting took, installing excluded: copying the template (building it first, once per machine), starting, setting the password.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>True while the server process runs.</summary>
    public bool IsRunning => process is { HasExited: false };

    /// <summary>A connection string for <paramref name="database"/> as the test user (pooling off, so a stopped server is seen at once).</summary>
    public string ConnectionString(string database = Database, string? password = null) => string.Create(
        CultureInfo.InvariantCulture,
        $"Host=127.0.0.1;Port={Port};Username={User};Password={password ?? Password};Database={database};Pooling=false;Timeout=10");

    /// <summary>A second, short-lived server for a test that stops it; dispose it at the end of the test.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var server = new PostgresServer();
        try
        {
            await server.InitializeAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <inheritdoc/>
    public async ValueTask InitializeAsync()
    {
        binaries = await FindOrInstallBinariesAsync();
        var started = Stopwatch.StartNew();
        var template = await TemplateAsync(binaries);
        directory = Directory.CreateTempSubdirectory("monitoring-pg-").FullName;
        if (IsRoot)
        {
            await RunAsync("chown", ["postgres:postgres", directory], asPostgres: false);
        }

        await RunAsync("cp", ["-a", Path.Combine(template, "data"), DataDirectory], asPostgres: true);
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            try
            {
                await StartAsync();
                break;
            }
            catch (InvalidOperationException) when (attempt < 3 && Log.Contains("could not bind", StringComparison.OrdinalIgnoreCase))
            {
                // Another process took the port between probing and binding: try another.
            }
        }

        // The template trusts the Unix socket (in a directory only the server's user can enter) and nothing else: set
        // this server's password there, after which TCP connections authenticate with it (scram-sha-256).
        await using (var local = new NpgsqlConnection(SocketConnectionString))
        {
            await local.OpenAsync();
            await using var command = new NpgsqlCommand($"ALTER ROLE {User} PASSWORD '{Password}'", local);
            await command.ExecuteNonQueryAsync();
        }

        StartupTime = started.Elapsed;
    }

    /// <summary>Starts the server (again, after <see cref="StopAsync"/>) on the same port and data, and waits until it accepts connections.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        lock (log)
        {
            log.Clear();
        }

        var start = Command(Path.Combine(binaries!, "postgres"), [
            "-D", DataDirectory,
            "-p", Port.ToString(CultureInfo.InvariantCulture),
            "-k", directory!,
            "-c", "listen_addresses=127.0.0.1",
            "-c", "fsync=off",
            "-c", "synchronous_commit=off",
            "-c", "full_page_writes=off",
            "-c", "max_connections=40",
            "-c", "shared_buffers=16MB",
        ], asPostgres: true);
        process = Process.Start(start) ?? throw new InvalidOperationException("postgres did not start.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"postgres exited with {process.ExitCode}: {Log}");
            }

            try
            {
                await using var connection = new NpgsqlConnection(SocketConnectionString);
                await connection.OpenAsync();
                return;
            }
            catch (NpgsqlException) when (deadline.Elapsed < ReadyTimeout)
            {
                await Task.Delay(50);
            }
        }
    }

    /// <summary>Stops the server (fast shutdown), killing its process tree if it does not stop in time.</summary>
    public async Task StopAsync()
    {
        if (process is null)
        {
            return;
        }

        if (!process.HasExited)
        {
            try
            {
                await RunAsync(Path.Combine(binaries!, "pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "10"], asPostgres: true);
            }
            catch (InvalidOperationException)
            {
                // Killed below.
            }

            using var wait = new CancellationTokenSource(StopTimeout);
            try
            {
                await process.WaitForExitAsync(wait.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync(CancellationToken.None);
            }
        }

        process.Dispose();
        process = null;
    }

    /// <summary>Runs <paramref name="sql"/> (one or more statements) as the test user.</summary>
    public async Task ExecuteAsync(string sql, string database = Database)
    {
        await using var connection = new NpgsqlConnection(ConnectionString(database));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>A table name no other test uses.</summary>
    public static string UniqueName(string prefix) => prefix + "_" + Guid.NewGuid().ToString("N")[..10];

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await StopAsync();
        }
        finally
        {
            if (directory is not null && Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            directory = null;
        }
    }

    private string DataDirectory => Path.Combine(directory!, "data");

    private string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    private static bool IsRoot => string.Equals(Environment.UserName, "root", StringComparison.Ordinal);

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (log)
            {
                log.AppendLine(line);
            }
        }
    }

    private string SocketConnectionString => string.Create(
        CultureInfo.InvariantCulture,
        $"Host={directory};Port={Port};Username={User};Database={Database};Pooling=false;Timeout=5");

    /// <summary>
    /// An initialised data directory with the test database, made once per PostgreSQL build and OS user and then
    /// copied for each server (initdb takes several seconds; a copy takes one). It is built beside its final place and
    /// renamed into it, so a concurrent test run sees a complete template or none.
    /// </summary>
    private static async Task<string> TemplateAsync(string binaries)
    {
        var initdb = Path.Combine(binaries, "initdb");
        var real = new FileInfo(File.ResolveLinkTarget(initdb, returnFinalTarget: true)?.FullName ?? initdb);
        var identity = string.Create(CultureInfo.InvariantCulture, $"{real.FullName}|{real.Length}|{real.LastWriteTimeUtc.Ticks}|{Environment.UserName}|{TemplateLayout}");
        var key = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(identity)))[..16].ToLowerInvariant();
        var final = Path.Combine(Path.GetTempPath(), "monitoring-pg-template-" + key);
        if (File.Exists(Path.Combine(final, ReadyMarker)))
        {
            return final;
        }

        await TemplateGate.WaitAsync();
        try
        {
            if (File.Exists(Path.Combine(final, ReadyMarker)))
            {
                return final;
            }

            var building = new PostgresServer();
            building.directory = Directory.CreateTempSubdirectory("monitoring-pg-template-build-").FullName;
            try
            {
                if (IsRoot)
                {
                    await building.RunAsync("chown", ["postgres:postgres", building.directory], asPostgres: false);
                }

                var data = building.DataDirectory;
                await building.RunAsync(initdb, ["-D", data, "-U", User, "--auth-local", "trust", "--auth-host", "scram-sha-256", "-E", "UTF8", "--locale", "C", "--no-sync", "--wal-segsize", "1"], asPostgres: true);
                await building.RunAsync(Path.Combine(binaries, "postgres"), ["--single", "-D", data, "-c", "fsync=off", "postgres"], asPostgres: true, input: $"CREATE DATABASE {Database};\n");
                await File.WriteAllTextAsync(Path.Combine(building.directory, ReadyMarker), identity);
                try
                {
                    Directory.Move(building.directory, final);
                    building.directory = null;
                }
                catch (IOException) when (File.Exists(Path.Combine(final, ReadyMarker)))
                {
                    // Another test run finished its template first; ours is deleted below.
                }

                return final;
            }
            finally
            {
                await building.DisposeAsync();
            }
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task<string> FindOrInstallBinariesAsync()
    {
        if (FindBinaries() is { } found)
        {
            return found;
        }

        await InstallGate.WaitAsync();
        try
        {
            if (FindBinaries() is { } installedMeanwhile)
            {
                return installedMeanwhile;
            }

            if (!IsRoot)
            {
                throw new InvalidOperationException("PostgreSQL is not installed (no initdb on PATH or under /usr/lib/postgresql): install the 'postgresql' package.");
            }

            // A fresh machine may not have the package lists yet: update once if the first try finds nothing.
            try
            {
                await RunAsync("apt-get", ["install", "-y", "-q", "postgresql"], asPostgres: false, noninteractive: true);
            }
            catch (InvalidOperationException)
            {
                await RunAsync("apt-get", ["update", "-q"], asPostgres: false, noninteractive: true);
                await RunAsync("apt-get", ["install", "-y", "-q", "postgresql"], asPostgres: false, noninteractive: true);
            }

            return FindBinaries() ?? throw new InvalidOperationException("apt-get installed postgresql, but initdb was not found.");
        }
        finally
        {
            InstallGate.Release();
        }
    }

    /// <summary>The directory holding initdb, pg_ctl and postgres: PATH first, then the newest /usr/lib/postgresql/&lt;version&gt;/bin.</summary>
    private static string? FindBinaries()
    {
        static bool Complete(string directory) =>
            Binaries.All(name => File.Exists(Path.Combine(directory, name)));

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(Complete);
        if (onPath is not null)
        {
            return onPath;
        }

        const string Versions = "/usr/lib/postgresql";
        if (!Directory.Exists(Versions))
        {
            return null;
        }

        return Directory.GetDirectories(Versions)
            .Select(version => (Version: int.TryParse(Path.GetFileName(version), NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : -1, Bin: Path.Combine(version, "bin")))
            .Where(candidate => Complete(candidate.Bin))
            .OrderByDescending(candidate => candidate.Version)
            .Select(candidate => candidate.Bin)
            .FirstOrDefault();
    }

    private ProcessStartInfo Command(string program, IReadOnlyList<string> arguments, bool asPostgres, bool noninteractive = false)
    {
        var runAs = asPostgres && IsRoot;
        var start = new ProcessStartInfo(runAs ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,

            // The postgres user may not be allowed into the test's working directory.
            WorkingDirectory = directory ?? Path.GetTempPath(),
        };
        if (runAs)
        {
            start.ArgumentList.Add("-u");
            start.ArgumentList.Add("postgres");
            start.ArgumentList.Add("--");
            start.ArgumentList.Add(program);
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["LC_ALL"] = "C";
        if (noninteractive)
        {
            start.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        }

        return start;
    }

    private async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asPostgres, bool noninteractive = false, string? input = null)
    {
        var start = Command(program, arguments, asPostgres, noninteractive);
        start.RedirectStandardInput = input is not null;
        using var run = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        if (input is not null)
        {
            await run.StandardInput.WriteAsync(input);
            run.StandardInput.Close();
        }

        var output = run.StandardOutput.ReadToEndAsync();
        var error = run.StandardError.ReadToEndAsync();
        await run.WaitForExitAsync();
        if (run.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {string.Join(' ', arguments)} exited with {run.ExitCode}: {await output}{await error}");
        }
    }
}
