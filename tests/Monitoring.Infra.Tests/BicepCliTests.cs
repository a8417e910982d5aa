using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>The Bicep CLI the infrastructure tests rely on is the pinned one, and it runs here.</summary>
public sealed class BicepCliTests
{
    [Fact]
    public async Task Bicep_IsThePinnedCli_AndRuns()
    {
        var result = await BicepCli.RunAsync(["--version"], TestContext.Current.CancellationToken);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Bicep CLI version 0.49.2", result.Output, StringComparison.Ordinal);
    }
}
