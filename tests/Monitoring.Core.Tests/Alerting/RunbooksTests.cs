using System.Collections.Immutable;
using Monitoring.Core.Alerting;
using Monitoring.Core.DataChecks;
using Monitoring.Core.Spec;
using Monitoring.Core.Tests.DataChecks;
using Monitoring.Core.Tests.Slo;
using Xunit;

namespace Monitoring.Core.Tests.Alerting;

public sealed class RunbooksTests
{
    private static readonly Uri Base = new("https://github.example.com/org/monitoring/blob/main/docs/runbooks/");

    private static readonly CheckSpec Checkout = new(
        "checkout", "shop", null, true, TimeSpan.FromMinutes(1), 1, TimeSpan.FromSeconds(45), null, true, "local",
        ImmutableDictionary<string, string>.Empty, [], []);

    private static readonly DataCheckSpec Orders = DataCheckFixtures.Check(DataCheckFixtures.Rules());

    /// <summary>Every alert the product raises, by a name for the test case, with the runbook of its type.</summary>
    public static TheoryData<string, string> AlertTypes => new()
    {
        // Synthetic checks.
        { "check failing", Runbooks.JourneyDown },
        { "check degraded", Runbooks.JourneyDegraded },
        { "check certificate", Runbooks.CertificateExpiring },
        { "check no data", Runbooks.NoData },

        // SLOs.
        { "slo page", Runbooks.SloFastBurn },
        { "slo ticket", Runbooks.SloSlowBurn },
        { "slo no data", Runbooks.NoData },

        // Data checks, one per rule kind.
        { "data connection", Runbooks.DataSourceUnreachable },
        { "data freshness", Runbooks.DataStale },
        { "data volume", Runbooks.VolumeAnomaly },
        { "data anomaly", Runbooks.VolumeAnomaly },
        { "data schema", Runbooks.SchemaDrift },
        { "data pipeline", Runbooks.PipelineFailure },
        { "data pipeline-duration", Runbooks.PipelineFailure },

        // The app itself.
        { "spool growing", Runbooks.SpoolGrowing },
    };

    [Theory]
    [MemberData(nameof(AlertTypes))]
    public void For_MapsEachAlertType_ToItsRunbook(string alert, string runbook)
    {
        Assert.Equal(runbook, Runbooks.For(Definition(alert)));
    }

    [Fact]
    public void AlertTypes_CoverEverySource_AndEveryDataRuleKind()
    {
        var definitions = AlertTypes.Select(row => Definition(row.Data.Item1)).ToList();

        Assert.Equal(Enum.GetValues<AlertSource>().Order(), definitions.Select(d => d.Source).Distinct().Order());
        Assert.Equal(
            [DataRuleKinds.Connection, DataRuleKinds.Freshness, DataRuleKinds.Volume, DataRuleKinds.Anomaly, DataRuleKinds.Schema, DataRuleKinds.Pipeline, DataRuleKinds.PipelineDuration],
            definitions.Where(d => d.Source == AlertSource.DataCheck).Select(d => d.Labels["rule"]));
    }

    [Fact]
    public void All_ListsEveryRunbookOnce_AndEachExistsInDocsRunbooks()
    {
        var folder = RunbookFolder();

        Assert.Equal(Runbooks.All.Length, Runbooks.All.Distinct(StringComparer.Ordinal).Count());
        Assert.All(Runbooks.All, file => Assert.True(File.Exists(Path.Combine(folder, file)), $"docs/runbooks/{file} is missing."));
        Assert.Equal(Runbooks.All.Order(StringComparer.Ordinal), Directory.GetFiles(folder, "*.md").Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(AlertTypes))]
    public void WithDefault_LinksTheRunbookOfTheType_WhenTheServiceNamesNone(string alert, string runbook)
    {
        var definition = Runbooks.WithDefault(Definition(alert), Base);

        Assert.Equal(Base.AbsoluteUri + runbook, definition.RunbookUrl);
        Assert.Contains(runbook, Runbooks.All);
    }

    [Fact]
    public void WithDefault_KeepsTheServicesRunbook_WhenItNamesOne()
    {
        var service = new ServiceSpec("shop", "web-platform", 1, new Uri("https://runbooks.example.com/shop"), null);
        var failing = CheckAlerts.Failing(Checkout, service);

        Assert.Same(failing, Runbooks.WithDefault(failing, Base));
        Assert.Equal("https://runbooks.example.com/shop", Runbooks.WithDefault(failing, Base).RunbookUrl);
    }

    [Fact]
    public void WithDefault_AppliesToAnObservation_AndLeavesTheRestOfItAlone()
    {
        var observation = new AlertObservation(SpoolAlerts.Growing, true, "12 rows wait", new DateTimeOffset(2026, 11, 23, 10, 0, 0, TimeSpan.Zero));

        var linked = Runbooks.WithDefault(observation, Base);

        Assert.Equal(observation with { Definition = SpoolAlerts.Growing with { RunbookUrl = Base.AbsoluteUri + "spool-growing.md" } }, linked);
    }

    [Theory]
    // The base is a folder whether or not it ends in '/'; anything after it is kept.
    [InlineData("https://example.com/docs/runbooks", "https://example.com/docs/runbooks/data-stale.md")]
    [InlineData("https://example.com/docs/runbooks/", "https://example.com/docs/runbooks/data-stale.md")]
    [InlineData("https://func.example.net/api/runbooks", "https://func.example.net/api/runbooks/data-stale.md")]
    [InlineData("http://127.0.0.1:7071/api/runbooks/", "http://127.0.0.1:7071/api/runbooks/data-stale.md")]
    public void Link_ReadsTheBaseAsAFolder(string baseUrl, string expected)
    {
        Assert.Equal(expected, Runbooks.Link(new Uri(baseUrl), Runbooks.DataStale).AbsoluteUri);
    }

    [Fact]
    public void ForDataRule_FallsBackToTheOnCallGuide_ForAKindItDoesNotKnow()
    {
        Assert.Equal(Runbooks.OnCall, Runbooks.ForDataRule("lineage"));
    }

    private static AlertDefinition Definition(string alert) => alert switch
    {
        "check failing" => CheckAlerts.Failing(Checkout, null),
        "check degraded" => CheckAlerts.Degraded(Checkout, null),
        "check certificate" => CheckAlerts.Certificate(Checkout, null),
        "check no data" => CheckAlerts.NoData(Checkout, null),
        "slo page" => SloBurnAlerts.Page(SloFixtures.Checkout),
        "slo ticket" => SloBurnAlerts.Ticket(SloFixtures.Checkout),
        "slo no data" => SloBurnAlerts.NoData(SloFixtures.Checkout),
        "spool growing" => SpoolAlerts.Growing,
        _ when alert.StartsWith("data ", StringComparison.Ordinal) => DataCheckAlerts.Define(Orders, null, alert["data ".Length..]),
        _ => throw new ArgumentOutOfRangeException(nameof(alert), alert, "Unknown alert type."),
    };

    private static string RunbookFolder()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "docs", "runbooks");
            if (File.Exists(Path.Combine(directory.FullName, "Monitoring.sln")) && Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("docs/runbooks was not found above " + AppContext.BaseDirectory);
    }
}
