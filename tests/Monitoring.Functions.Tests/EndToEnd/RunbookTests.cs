using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Core.Alerting;
using Monitoring.Functions.Api;
using Monitoring.Functions.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>
/// Every alert links to a runbook: its service's, else the runbook of its type under the spec's runbookBaseUrl, else the
/// copy the app itself serves at /api/runbooks/, which opens without a function key.
/// </summary>
public sealed class RunbookTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ServedRunbooks_AreEveryRunbookInDocs_AsPlainText_WithoutAFunctionKey()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Monitoring:FunctionKey"] = "k3y-for-this-test" });

        using (var protectedRoute = await app.Client.GetAsync("/api/alerts", Cancellation))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, protectedRoute.StatusCode);
        }

        foreach (var file in Runbooks.All)
        {
            using var response = await app.Client.GetAsync($"/api/runbooks/{file}", Cancellation);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(("text/plain", "utf-8"), (response.Content.Headers.ContentType?.MediaType, response.Content.Headers.ContentType?.CharSet));
            Assert.Equal(await File.ReadAllTextAsync(Path.Combine(RunbooksApi.Folder, file), Cancellation), await response.Content.ReadAsStringAsync(Cancellation));
        }
    }

    [Theory]
    // Only the runbooks themselves: not other files of the app, not paths.
    [InlineData("nope.md")]
    [InlineData("appsettings.json")]
    [InlineData("..%2Fappsettings.json")]
    [InlineData("..%2F..%2Fmonitoring.yaml")]
    [InlineData("JOURNEY-DOWN.md")]
    public async Task AnythingButARunbook_Answers404WithAProblem(string name)
    {
        await using var app = await TestApp.StartAsync();

        using var response = await app.Client.GetAsync($"/api/runbooks/{name}", Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("version: monitoring/v1", await response.Content.ReadAsStringAsync(Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAlertWhoseServiceNamesNoRunbook_LinksTheRunbookOfItsType_AndTheLinkOpens()
    {
        await using var app = await TestApp.StartAsync();
        var outbox = app.App.Services.GetRequiredService<OutboxFile>();

        await AlertApiTests.FireAsync(app, "checkout");

        var expected = new Uri(app.BaseAddress, "api/runbooks/journey-down.md").AbsoluteUri;
        var alert = (await app.Client.GetFromJsonAsync<JsonObject>("/api/alerts", Cancellation))!["alerts"]!.AsArray().Single(a => (string?)a!["key"] == "check:checkout")!;
        Assert.Equal(expected, (string?)alert["runbookUrl"]);
        Assert.Equal(expected, (string?)(await OutboxAlerts.ForKeyAsync(outbox, "check:checkout")).Single()["runbookUrl"]);
        Assert.StartsWith("# Journey down (Sev1)", await app.Client.GetStringAsync(expected, Cancellation), StringComparison.Ordinal);
    }

    [Fact]
    public async Task InAzure_TheServedRunbooksAreLinkedOnThePublicHostName()
    {
        await using var app = await TestApp.StartAsync(environment: new Dictionary<string, string> { ["WEBSITE_HOSTNAME"] = "func-monitoring-abc.azurewebsites.net" });

        await AlertApiTests.FireAsync(app, "checkout");

        var alert = (await app.Client.GetFromJsonAsync<JsonObject>("/api/alerts", Cancellation))!["alerts"]!.AsArray().Single(a => (string?)a!["key"] == "check:checkout")!;
        Assert.Equal("https://func-monitoring-abc.azurewebsites.net/api/runbooks/journey-down.md", (string?)alert["runbookUrl"]);
    }

    [Theory]
    // What the spec says -> where check:checkout links.
    [InlineData("", "https://github.example.com/org/monitoring/blob/main/docs/runbooks/journey-down.md")]
    [InlineData("    runbook: https://wiki.example.com/shop\n", "https://wiki.example.com/shop")]
    public async Task TheSpecsRunbookBaseUrl_IsUsed_UnlessTheServiceNamesItsOwnRunbook(string serviceRunbook, string expected)
    {
        var spec = await TestApp.WriteSpecAsync(sample => sample
            .Replace("    tier: 1\n", "    tier: 1\n" + serviceRunbook, StringComparison.Ordinal)
            .TrimEnd() + "\n\nnotifications:\n  runbookBaseUrl: https://github.example.com/org/monitoring/blob/main/docs/runbooks\n");
        await using var app = await TestApp.StartAsync(spec);

        await AlertApiTests.FireAsync(app, "checkout");

        var alert = (await app.Client.GetFromJsonAsync<JsonObject>("/api/alerts", Cancellation))!["alerts"]!.AsArray().Single(a => (string?)a!["key"] == "check:checkout")!;
        Assert.Equal(expected, (string?)alert["runbookUrl"]);
    }
}
