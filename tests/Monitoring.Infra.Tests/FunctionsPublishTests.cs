using System.Diagnostics;
using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>
/// What <c>azd package</c> deploys: azd's .NET packaging runs <c>dotnet publish &lt;project&gt; -c Release --output &lt;dir&gt;</c>
/// on the service's project, and the project turns a publish into a self-contained linux-x64 custom handler. One
/// publish (about a minute), into a copy of the sources so the checkout's bin/ and obj/ are left alone.
/// </summary>
public sealed class FunctionsPublishTests
{
    private const string Project = "functions/Monitoring.Functions";

    [Fact]
    public async Task Publish_IsASelfContainedLinuxCustomHandler_WithHostJsonAndEveryFunction()
    {
        var cancellation = TestContext.Current.CancellationToken;
        var root = BicepCli.RepositoryRoot();
        var work = Directory.CreateTempSubdirectory("functions-publish-");
        try
        {
            var sources = CopySources(root, Path.Combine(work.FullName, "src"));
            var output = Path.Combine(work.FullName, "publish");

            var (exitCode, log) = await RunAsync(
                "dotnet",
                ["publish", Path.Combine(sources, Project, "Monitoring.Functions.csproj"), "-c", "Release", "--output", output],
                cancellation);
            Assert.True(exitCode == 0, $"dotnet publish failed ({exitCode}):\n{Tail(log)}");

            // host.json names the executable and forwards HTTP requests at their own paths.
            var hostJson = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "host.json"), cancellation))!;
            var executable = hostJson.StringAt("customHandler.description.defaultExecutablePath");
            Assert.Equal("Monitoring.Functions", executable);
            Assert.True(hostJson.BoolAt("customHandler.enableProxyingHttpRequest") ?? hostJson.BoolAt("customHandler.enableForwardingHttpRequest"));

            // Every function the project declares, as it declares it.
            var functions = Directory.EnumerateFiles(Path.Combine(root, Project), "function.json", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Path.Combine(root, Project), f))
                .Where(f => !f.StartsWith("bin", StringComparison.Ordinal) && !f.StartsWith("obj", StringComparison.Ordinal))
                .ToList();
            Assert.True(functions.Count >= 10, $"Only {functions.Count} function.json files found.");
            foreach (var function in functions)
            {
                var published = Path.Combine(output, function);
                Assert.True(File.Exists(published), $"{function} is not in the publish.");
                Assert.Equal(await File.ReadAllTextAsync(Path.Combine(root, Project, function), cancellation), await File.ReadAllTextAsync(published, cancellation));
            }

            // The executable is a Linux x64 ELF binary the host can start.
            var binary = Path.Combine(output, executable!);
            var header = new byte[20];
            await using (var stream = File.OpenRead(binary))
            {
                await stream.ReadExactlyAsync(header, cancellation);
            }

            Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, header[..4]);
            Assert.Equal((byte)0x3E, header[18]); // e_machine: x86-64
            if (!OperatingSystem.IsWindows())
            {
                Assert.True((File.GetUnixFileMode(binary) & UnixFileMode.UserExecute) != 0, "The executable is not executable.");
            }

            // Self-contained: the runtime travels with the app.
            Assert.True(File.Exists(Path.Combine(output, "libcoreclr.so")), "No libcoreclr.so: the publish is not self-contained for Linux.");
            Assert.True(File.Exists(Path.Combine(output, "System.Private.CoreLib.dll")), "No System.Private.CoreLib.dll in the publish.");
            var runtimeConfig = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "Monitoring.Functions.runtimeconfig.json"), cancellation))!;
            Assert.NotNull(runtimeConfig.At("runtimeOptions.includedFrameworks"));
            Assert.Null(runtimeConfig.At("runtimeOptions.framework"));

            // The sample spec the app loads by default.
            Assert.True(File.Exists(Path.Combine(output, "monitoring.yaml")), "monitoring.yaml is not in the publish.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    // The Functions projects and the build files above them; no bin/, obj/ or data/.
    private static string CopySources(string root, string destination)
    {
        foreach (var file in new[] { "global.json", "Directory.Build.props", "Directory.Packages.props", ".editorconfig", "nuget.config", "NuGet.Config" })
        {
            if (File.Exists(Path.Combine(root, file)))
            {
                Directory.CreateDirectory(destination);
                File.Copy(Path.Combine(root, file), Path.Combine(destination, file));
            }
        }

        var functions = Path.Combine(root, "functions");
        foreach (var file in Directory.EnumerateFiles(functions, "*", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(functions, file);
            var parts = relative.Split(Path.DirectorySeparatorChar);
            if (parts.Any(p => p is "bin" or "obj" or "data"))
            {
                continue;
            }

            var target = Path.Combine(destination, "functions", relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return destination;
    }

    private static async Task<(int ExitCode, string Log)> RunAsync(string command, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // A clean MSBuild: nothing inherited from the build that started the test run.
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{command} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static string Tail(string log) => string.Join('\n', log.Split('\n').TakeLast(40));
}
