using System.Runtime.CompilerServices;
using Monitoring.Core.Spec;
using Monitoring.Core.Strategy;
using Monitoring.Core.Tests.Notifications;
using Monitoring.Core.Tests.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Strategy;

/// <summary>
/// The strategy document of the sample spec and of a richer fixture against checked-in golden files
/// (<c>Strategy/Golden</c>; accept a deliberate change with <c>UPDATE_GOLDEN=1</c> and review the diff), and what each
/// section lists.
/// </summary>
public sealed class StrategyDocumentTests
{
    private const string TeamsSecret = "https://prod.example.com/workflows/SECRET-SIG-123";
    private const string HookSecret = "hook-token-SECRET-456";

    private static readonly TestEnvironment RichEnvironment = new(new Dictionary<string, string>
    {
        ["API_URL"] = "https://api.example.com",
        ["ORDERS_DB"] = "Host=db;Password=db-SECRET-789",
        ["TEAMS_WORKFLOW_URL"] = TeamsSecret,
        ["HOOK_TOKEN"] = HookSecret,
        ["DATA_TEAMS_URL"] = "https://prod.example.com/workflows/DATA-SECRET",
    });

    [Fact]
    public void The_sample_spec_renders_as_its_golden_file()
    {
        Golden.AssertMatches("sample-strategy.md", StrategyDocument.Render(Sample(), new StrategyOptions("monitoring.yaml")));
    }

    [Fact]
    public void The_rich_fixture_renders_as_its_golden_file()
    {
        Golden.AssertMatches("rich-strategy.md", StrategyDocument.Render(Rich(), new StrategyOptions("rich.yaml")));
    }

    [Fact]
    public void Rendering_is_deterministic_and_prints_a_time_only_when_given()
    {
        var spec = Rich();
        Assert.Equal(StrategyDocument.Render(spec), StrategyDocument.Render(spec));
        Assert.DoesNotContain("Rendered at", StrategyDocument.Render(spec), StringComparison.Ordinal);
        Assert.Contains("Rendered at 2026-03-01 09:30 UTC.", StrategyDocument.Render(spec, new StrategyOptions(GeneratedAt: new DateTimeOffset(2026, 3, 1, 10, 30, 0, TimeSpan.FromHours(1)))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_check_added_to_the_spec_appears_in_what_we_monitor_and_when_we_alert()
    {
        var yaml = Read(RichPath()).Replace("checks:\n", "checks:\n  - name: brand-new-check\n    service: shop\n    interval: 2m\n    request: { url: https://shop.example.com/new }\n", StringComparison.Ordinal);
        var before = StrategyDocument.Render(Rich());
        var after = StrategyDocument.Render(Load(yaml, RichEnvironment));

        Assert.DoesNotContain("brand-new-check", before, StringComparison.Ordinal);
        Assert.Contains("| `brand-new-check` | request | 2m |", Section(after, "## 1."), StringComparison.Ordinal);
        Assert.Contains("| `check:brand-new-check` |", Section(after, "### Critical"), StringComparison.Ordinal);
        Assert.Contains("synthetic check `brand-new-check` | every 2m", Section(after, "## 2."), StringComparison.Ordinal);
    }

    [Fact]
    public void A_severity_change_moves_an_alert_between_the_severity_sections()
    {
        var yaml = Read(RichPath()).Replace("alert: { severity: critical, failureThreshold: 2", "alert: { severity: warning, failureThreshold: 2", StringComparison.Ordinal);
        var before = StrategyDocument.Render(Rich());
        var after = StrategyDocument.Render(Load(yaml, RichEnvironment));

        Assert.Contains("`check:api`", Section(before, "### Critical"), StringComparison.Ordinal);
        Assert.DoesNotContain("`check:api`", Section(before, "### Warning"), StringComparison.Ordinal);
        Assert.DoesNotContain("`check:api`", Section(after, "### Critical"), StringComparison.Ordinal);
        Assert.Contains("`check:api`", Section(after, "### Warning"), StringComparison.Ordinal);
    }

    [Fact]
    public void Info_alerts_and_data_rule_severities_land_in_their_sections()
    {
        var document = StrategyDocument.Render(Rich());
        Assert.Contains("`check:search`", Section(document, "### Info"), StringComparison.Ordinal);
        Assert.Contains("`data:orders-table:schema`", Section(document, "### Info"), StringComparison.Ordinal);
        Assert.Contains("`data:warehouse-load:pipeline-duration`", Section(document, "### Critical"), StringComparison.Ordinal);
        Assert.Contains("`data:orders-table:anomaly`", Section(document, "### Warning"), StringComparison.Ordinal);
    }

    [Fact]
    public void Who_is_told_lists_the_routes_of_each_severity_with_their_escalation()
    {
        var document = StrategyDocument.Render(Rich());
        var critical = Section(document, "### Critical");
        Assert.Contains("route `pages` → `oncall-teams`, repeated every 1h; escalates after 15m to `oncall-email`, after 30m to `lead-hook`", critical, StringComparison.Ordinal);
        Assert.DoesNotContain("route `tickets`", critical, StringComparison.Ordinal);
        var warning = Section(document, "### Warning");
        Assert.Contains("route `data-tickets` (team data-platform) → `data-teams`", warning, StringComparison.Ordinal);
        Assert.Contains("route `tickets` → `oncall-email`", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("default channels", warning, StringComparison.Ordinal);
        Assert.Contains("alerts no route takes → `outbox`", Section(document, "### Info"), StringComparison.Ordinal);
    }

    [Fact]
    public void Who_responds_lists_teams_escalation_levels_and_runbooks()
    {
        var document = Section(StrategyDocument.Render(Rich()), "## 4.");
        Assert.Contains("| `data` | data-platform | 2 | https://wiki.example.com/data |", document, StringComparison.Ordinal);
        Assert.Contains("| `pages` |  | 1 | after 15m | `oncall-email` | 1h |", document, StringComparison.Ordinal);
        Assert.Contains("| `pages` |  | 2 | after 30m | `lead-hook` | 1h |", document, StringComparison.Ordinal);
        Assert.Contains("[pipeline-failure.md](runbooks/pipeline-failure.md)", document, StringComparison.Ordinal);
        Assert.Contains("[on-call.md](runbooks/on-call.md)", document, StringComparison.Ordinal);
    }

    [Fact]
    public void The_communication_plan_lists_channels_maintenance_and_the_status_page()
    {
        var document = Section(StrategyDocument.Render(Rich()), "## 5.");
        Assert.Contains("status page https://status.example.com/", document, StringComparison.Ordinal);
        Assert.Contains("| `nightly-deploy` | service = `shop` | 02:00 for 30m, on Sun (Europe/Amsterdam) |", document, StringComparison.Ordinal);
        Assert.Contains("| `db-migration` | check = `api` | 2026-12-01 22:00 until 2026-12-02 02:00 (Europe/London) |", document, StringComparison.Ordinal);
        Assert.Contains("Teams workflow `${env:TEAMS_WORKFLOW_URL}`", document, StringComparison.Ordinal);
        Assert.Contains("test-notify", document, StringComparison.Ordinal);
    }

    [Fact]
    public void No_secret_value_from_the_environment_ever_appears()
    {
        var document = StrategyDocument.Render(Rich());
        Assert.DoesNotContain("SECRET", document, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsSecret, document, StringComparison.Ordinal);
        Assert.DoesNotContain(HookSecret, document, StringComparison.Ordinal);
        Assert.DoesNotContain("https://api.example.com", document, StringComparison.Ordinal);
        Assert.Contains("`GET ${env:API_URL}/health`", document, StringComparison.Ordinal);
    }

    [Fact]
    public void Response_times_come_from_the_on_call_guide()
    {
        var document = StrategyDocument.Render(Sample());
        Assert.Contains("Response time: 15 minutes, day and night", Section(document, "### Critical"), StringComparison.Ordinal);
        Assert.Contains("Response time: 4 business hours", Section(document, "### Warning"), StringComparison.Ordinal);
        var guide = Read(Path.Combine(RepositoryRoot(), "docs", "runbooks", "on-call.md"));
        Assert.Contains("**15 minutes**, day and night", guide, StringComparison.Ordinal);
        Assert.Contains("**4 business hours**", guide, StringComparison.Ordinal);
    }

    private static MonitoringSpec Sample() => Load(Read(Path.Combine(RepositoryRoot(), "functions", "monitoring.yaml")), TestEnvironment.Empty);

    private static MonitoringSpec Rich() => Load(Read(RichPath()), RichEnvironment);

    private static MonitoringSpec Load(string yaml, TestEnvironment environment)
    {
        var result = SpecLoader.Load(yaml, SpecFormat.Yaml, environment);
        Assert.True(result.IsValid, string.Join("\n", result.Errors));
        return result.Spec!;
    }

    /// <summary>The text of the section that starts with <paramref name="heading"/>, up to the next heading of its level or higher.</summary>
    private static string Section(string document, string heading)
    {
        var start = document.IndexOf("\n" + heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"No section {heading}.");
        var level = heading.TakeWhile(c => c == '#').Count();
        var lines = document[(start + 1)..].Split('\n');
        var end = Array.FindIndex(lines, 1, l => l.StartsWith('#') && l.TakeWhile(c => c == '#').Count() <= level);
        return string.Join('\n', end < 0 ? lines : lines[..end]);
    }

    private static string Read(string path) => File.ReadAllText(path).ReplaceLineEndings("\n");

    private static string RichPath([CallerFilePath] string callerPath = "") => Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", "rich.yaml");

    private static string RepositoryRoot([CallerFilePath] string callerPath = "") => Path.GetFullPath(Path.Combine(Path.GetDirectoryName(callerPath)!, "..", "..", ".."));
}
