using Monitoring.Core.Results;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>The checked-in infra/app/monitor-tables.json is exactly what the app's table definitions generate.</summary>
public sealed class MonitorTablesJsonTests
{
    [Fact]
    public async Task CheckedInFile_IsWhatMonitorTablesGenerate()
    {
        var path = Path.Combine(BicepCli.RepositoryRoot(), MonitorTablesJson.RelativePath);
        var expected = MonitorTablesJson.Render(MonitorTables.All);
        if (Environment.GetEnvironmentVariable(MonitorTablesJson.RegenerateVariable) == "1")
        {
            await File.WriteAllTextAsync(path, expected, TestContext.Current.CancellationToken);
        }

        var actual = File.Exists(path) ? (await File.ReadAllTextAsync(path, TestContext.Current.CancellationToken)).ReplaceLineEndings("\n") : "(missing)";

        Assert.True(
            actual == expected,
            $"{MonitorTablesJson.RelativePath} does not match MonitorTables (functions/Monitoring.Core/Results/MonitorTables.cs). Regenerate it with:\n  {MonitorTablesJson.RegenerateCommand}");
    }

    [Theory]
    [InlineData(ColumnType.String, "string", "string")]
    [InlineData(ColumnType.Int, "int", "int")]
    [InlineData(ColumnType.Long, "long", "long")]
    [InlineData(ColumnType.Real, "real", "real")]
    [InlineData(ColumnType.Boolean, "boolean", "boolean")]
    [InlineData(ColumnType.DateTime, "dateTime", "datetime")]
    [InlineData(ColumnType.Dynamic, "dynamic", "dynamic")]
    [InlineData(ColumnType.Guid, "guid", "string")]
    public void ColumnType_MapsToTheTableAndStreamTypeNames(ColumnType type, string tableType, string streamType)
    {
        Assert.Equal(tableType, MonitorTablesJson.TableColumnType(type));
        Assert.Equal(streamType, MonitorTablesJson.StreamColumnType(type));
    }

    [Fact]
    public void EveryColumnType_HasAMapping()
    {
        // A new ColumnType must get a Log Analytics and a stream type before any table can use it.
        foreach (var type in Enum.GetValues<ColumnType>())
        {
            Assert.NotEmpty(MonitorTablesJson.TableColumnType(type));
            Assert.NotEmpty(MonitorTablesJson.StreamColumnType(type));
        }
    }
}
