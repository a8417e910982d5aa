using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;

namespace Monitoring.Infra.Tests.Support;

/// <summary>The Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64), run offline: build to ARM JSON, and lint.</summary>
internal static class BicepCli
{
    /// <summary>What one run printed.</summary>
    public sealed record Result(int ExitCode, string Output, string Error);

    /// <summary>The path of the bicep binary restored with the test project.</summary>
    public static string Path { get; } = typeof(BicepCli).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    /// <summary>The repository root: the folder above the test binaries that holds <c>infra/</c>.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (Directory.Exists(System.IO.Path.Combine(directory.FullName, "infra")) && File.Exists(System.IO.Path.Combine(directory.FullName, "Monitoring.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (with infra/) was not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Runs bicep with <paramref name="arguments"/>.</summary>
    public static async Task<Result> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // Offline: no telemetry, no registry restore.
        start.Environment["BICEP_TELEMETRY_ENABLED"] = "false";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("bicep did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new Result(process.ExitCode, await output, await error);
    }

    /// <summary>Compiles <paramref name="bicepFile"/> to its ARM template (to stdout); throws with the diagnostics when it fails.</summary>
    public static async Task<(JsonObject Template, string Diagnostics)> BuildAsync(string bicepFile, CancellationToken cancellationToken)
    {
        var result = await RunAsync(["build", bicepFile, "--stdout"], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"bicep build {bicepFile} failed ({result.ExitCode}):\n{result.Error}");
        }

        return ((JsonNode.Parse(result.Output) as JsonObject)!, result.Error);
    }
}
