using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Tests.Notifications;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.AzureAlerts;

/// <summary>
/// <c>POST /api/alerts/azure</c> on the real app: Azure Monitor's common alert schema in, an Adaptive Card out to a local
/// HTTPS Teams Workflows fake, the delivery in the delivery log; bad payloads refused with a problem that names the
/// field, and logged; the Teams URL a secret everywhere.
/// </summary>
public sealed class AzureAlertsWebhookTests : IAsyncLifetime
{
    private const string TeamsToken = "sig-T0ken-7a3e-never-shown";

    private RecordingReceiver teams = null!;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private Uri TeamsUrl => teams.Url($"/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig={TeamsToken}");

    public async ValueTask InitializeAsync() => teams = await RecordingReceiver.StartAsync();

    public async ValueTask DisposeAsync() => await teams.DisposeAsync();

    [Fact]
    public async Task FiredLogAlert_PostsACard_WithSeverityRuleStateTimeAndTheAlertsRunbook()
    {
        await using var app = await StartAsync();

        using var response = await PostAsync(app, CommonAlertSamples.LogAlertV2Fired);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
        Assert.Equal((true, "azure:check:checkout", "critical", "Firing", 1), (answer["delivered"]!.GetValue<bool>(), (string?)answer["alertKey"], (string?)answer["severity"], (string?)answer["state"], answer["attempts"]!.GetValue<int>()));

        var request = Assert.Single(teams.Requests);
        Assert.Equal("application/json", request.ContentType?.Split(';')[0]);
        var message = JsonNode.Parse(request.Body)!;
        Assert.Equal("message", (string?)message["type"]);
        var attachment = message["attachments"]![0]!;
        Assert.Equal("application/vnd.microsoft.card.adaptive", (string?)attachment["contentType"]);
        var card = attachment["content"]!;
        Assert.Equal(("AdaptiveCard", "1.4"), ((string?)card["type"], (string?)card["version"]));
        Assert.Equal("[CRITICAL] Firing: checkout failing", (string?)card["body"]![0]!["text"]);
        Assert.Equal("Attention", (string?)card["body"]![0]!["color"]);

        var facts = Facts(card);
        Assert.Equal("Firing", facts["State"]);
        Assert.Equal("critical", facts["Severity"]);
        Assert.Equal("shop", facts["Service"]);
        Assert.StartsWith("2026-11-23 09:41:05 UTC", facts["Since"], StringComparison.Ordinal);
        var summary = Texts(card).Single(t => t.StartsWith("Azure Monitor", StringComparison.Ordinal));
        Assert.Equal("Azure Monitor Sev1 alert rule 'sqr-critical-alerts-abc' fired: A critical alert of the monitoring engine is firing (its latest transition in MonitorAlert_CL) (AlertKey: check:checkout, AlertName: checkout failing, Service: shop).", summary);
        Assert.Equal(
            [("Runbook", "https://github.example.com/org/monitoring/blob/main/docs/runbooks/journey-down.md")],
            card["actions"]!.AsArray().Select(a => ((string?)a!["title"], (string?)a["url"])));
    }

    [Fact]
    public async Task ResolvedLogAlert_PostsAResolvedCard_SinceItFired()
    {
        await using var app = await StartAsync();

        using var response = await PostAsync(app, CommonAlertSamples.LogAlertV2Resolved);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = JsonNode.Parse(Assert.Single(teams.Requests).Body)!["attachments"]![0]!["content"]!;
        Assert.Equal("[CRITICAL] Resolved: checkout failing", (string?)card["body"]![0]!["text"]);
        Assert.Equal("Good", (string?)card["body"]![0]!["color"]);
        var facts = Facts(card);
        Assert.Equal(("Resolved", "2026-11-23 09:41:05 UTC (25m)"), (facts["State"], facts["Since"]));
        Assert.Contains(Texts(card), t => t.Contains("'sqr-critical-alerts-abc' resolved", StringComparison.Ordinal));
    }

    [Fact]
    public async Task MetricAlertWithoutRunbook_LinksTheOnCallGuide_AndMapsSev3ToInfo()
    {
        await using var app = await StartAsync();

        using var response = await PostAsync(app, CommonAlertSamples.MetricResolved);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var card = JsonNode.Parse(Assert.Single(teams.Requests).Body)!["attachments"]![0]!["content"]!;
        Assert.Equal("[INFO] Resolved: WCUS-R2-Gen2", (string?)card["body"]![0]!["text"]);
        Assert.Equal("info", Facts(card)["Severity"]);
        Assert.Equal(new Uri(app.BaseAddress, "api/runbooks/on-call.md").AbsoluteUri, (string?)card["actions"]![0]!["url"]);
    }

    [Fact]
    public async Task EveryDelivery_IsInTheDeliveryLog_UnderTheAzureMonitorRoute()
    {
        await using var app = await StartAsync();

        using (await PostAsync(app, CommonAlertSamples.LogAlertV2Fired))
        {
        }

        teams.ThenAnswer(400);
        using (var refused = await PostAsync(app, CommonAlertSamples.LogAlertV2Resolved))
        {
            Assert.Equal(HttpStatusCode.BadGateway, refused.StatusCode);
        }

        var deliveries = (await app.Client.GetFromJsonAsync<JsonObject>("/api/deliveries", Cancellation))!["deliveries"]!.AsArray().Select(d => d!.AsObject()).ToList();
        Assert.Equal(
            [("azure-monitor", "azure-alerts-teams", "teams", "resolved", false, 400), ("azure-monitor", "azure-alerts-teams", "teams", "firing", true, 202)],
            deliveries.Select(d => ((string?)d["route"], (string?)d["channel"], (string?)d["channelKind"], (string?)d["kind"], d["delivered"]!.GetValue<bool>(), d["statusCode"]!.GetValue<int>())));
        Assert.All(deliveries, d => Assert.Equal(["azure:check:checkout"], d["alertKeys"]!.AsArray().Select(k => (string?)k)));
    }

    [Theory]
    // A mistake each -> the field the problem names.
    [InlineData("not json", "", "The body is not valid JSON.")]
    [InlineData("[1, 2]", "$", "The body must be a JSON object")]
    [InlineData("schema", "schemaId", "Must be 'azureMonitorCommonAlertSchema'")]
    [InlineData("essentials", "data.essentials", "Is required.")]
    [InlineData("alertRule", "data.essentials.alertRule", "Is required")]
    [InlineData("severity", "data.essentials.severity", "Must be one of Sev0, Sev1, Sev2, Sev3, Sev4; got \"Critical\".")]
    [InlineData("monitorCondition", "data.essentials.monitorCondition", "Must be Fired or Resolved; got \"Active\".")]
    [InlineData("firedDateTime", "data.essentials.firedDateTime", "Must be an ISO 8601 date and time; got \"yesterday\".")]
    [InlineData("alertTargetIDs", "data.essentials.alertTargetIDs", "Must be an array of resource ids")]
    public async Task MalformedPayload_Answers400WithAProblemNamingTheField_PostsNothing_AndIsLogged(string mistake, string field, string message)
    {
        await using var app = await StartAsync();
        var payload = Malformed(mistake);

        using var response = await PostAsync(app, payload);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
        if (field.Length == 0)
        {
            Assert.Equal(message, (string?)problem["title"]);
        }
        else
        {
            Assert.Equal("The body is not an Azure Monitor alert in the common alert schema.", (string?)problem["title"]);
            Assert.StartsWith(message, (string?)problem["errors"]![field]![0], StringComparison.Ordinal);
        }

        Assert.Empty(teams.Requests);
        var logged = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Id == 531);
        Assert.Contains(payload.Length > 200 ? payload[..200] : payload, logged.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MissingTeamsSetting_Answers503WithAClearProblem_LogsTheAlert_AndRecordsAFailedDelivery()
    {
        await using var app = await TestApp.StartAsync();

        using var response = await PostAsync(app, CommonAlertSamples.LogAlertV2Fired);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>(Cancellation))!;
        Assert.Equal("Azure alerts cannot be posted to Teams.", (string?)problem["title"]);
        Assert.Contains("Set Monitoring__AzureAlerts__TeamsWebhookUrl to the Teams Workflows URL", (string?)problem["detail"], StringComparison.Ordinal);
        Assert.Contains("is not set", (string?)problem["detail"], StringComparison.Ordinal);

        var logged = Assert.Single(app.Logs.GetSnapshot(), r => r.Id.Id == 532);
        Assert.Contains("\"alertRule\": \"sqr-critical-alerts-abc\"", logged.Message, StringComparison.Ordinal);
        var delivery = (await app.Client.GetFromJsonAsync<JsonObject>("/api/deliveries", Cancellation))!["deliveries"]![0]!;
        Assert.Equal(("azure-monitor", false, 0), ((string?)delivery["route"], delivery["delivered"]!.GetValue<bool>(), delivery["attempts"]!.GetValue<int>()));
        Assert.Equal("the app setting Monitoring__AzureAlerts__TeamsWebhookUrl is not set", (string?)delivery["error"]);
    }

    [Fact]
    public async Task ATeamsSettingThatIsNotHttps_Answers503_WithoutShowingIt()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Monitoring:AzureAlerts:TeamsWebhookUrl"] = $"http://teams.example.com/hook?sig={TeamsToken}" });

        using var response = await PostAsync(app, CommonAlertSamples.LogAlertV2Fired);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("is not an absolute https URL", body, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsToken, body + app.AllLogText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheTeamsUrl_AppearsNowhere_WhenTeamsRefuses_OrAccepts()
    {
        await using var app = await StartAsync();
        teams.ThenAnswer(500).ThenAnswer(500).ThenAnswer(500).ThenAnswer(500);

        using var refused = await PostAsync(app, CommonAlertSamples.LogAlertV2Fired);
        using var accepted = await PostAsync(app, CommonAlertSamples.LogAlertV2Resolved);

        Assert.Equal((HttpStatusCode.BadGateway, HttpStatusCode.OK), (refused.StatusCode, accepted.StatusCode));
        var problem = await refused.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("the endpoint answered 500", problem, StringComparison.Ordinal);
        var everything = problem
            + await accepted.Content.ReadAsStringAsync(Cancellation)
            + await app.Client.GetStringAsync("/api/deliveries", Cancellation)
            + await app.Client.GetStringAsync("/", Cancellation)
            + app.AllLogText();
        Assert.DoesNotContain(TeamsToken, everything, StringComparison.Ordinal);
        Assert.DoesNotContain(TeamsUrl.Host + ":" + TeamsUrl.Port, everything, StringComparison.Ordinal);
        Assert.Equal(5, teams.Requests.Count);
    }

    [Fact]
    public async Task TheWebhook_RequiresTheFunctionKey_WhenTheAppHasOne()
    {
        await using var app = await StartAsync(new Dictionary<string, string?> { ["Monitoring:FunctionKey"] = "k3y-for-this-test" });

        using var without = await PostAsync(app, CommonAlertSamples.LogAlertV2Fired);
        using var with = await PostAsync(app, CommonAlertSamples.LogAlertV2Fired, "?code=k3y-for-this-test");

        Assert.Equal((HttpStatusCode.Unauthorized, HttpStatusCode.OK), (without.StatusCode, with.StatusCode));
        Assert.Single(teams.Requests);
    }

    private static string Malformed(string mistake)
    {
        var payload = JsonNode.Parse(CommonAlertSamples.LogAlertV2Fired)!.AsObject();
        var essentials = payload["data"]!["essentials"]!.AsObject();
        switch (mistake)
        {
            case "not json":
                return "{\"schemaId\": \"azureMonitorCommonAlertSchema\", \"data\": ";
            case "[1, 2]":
                return mistake;
            case "schema":
                payload["schemaId"] = "Microsoft.Insights/LogAlert";
                break;
            case "essentials":
                payload["data"]!.AsObject().Remove("essentials");
                break;
            case "alertRule":
                essentials.Remove("alertRule");
                break;
            case "severity":
                essentials["severity"] = "Critical";
                break;
            case "monitorCondition":
                essentials["monitorCondition"] = "Active";
                break;
            case "firedDateTime":
                essentials["firedDateTime"] = "yesterday";
                break;
            case "alertTargetIDs":
                essentials["alertTargetIDs"] = "log-abc";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(mistake), mistake, "Unknown mistake.");
        }

        return payload.ToJsonString();
    }

    private static Dictionary<string, string> Facts(JsonNode card) =>
        card["body"]!.AsArray().Skip(1)
            .SelectMany(container => container!["items"]!.AsArray())
            .Where(item => (string?)item!["type"] == "FactSet")
            .SelectMany(set => set!["facts"]!.AsArray())
            .ToDictionary(f => (string)f!["title"]!, f => (string)f!["value"]!, StringComparer.Ordinal);

    private static List<string> Texts(JsonNode card) =>
        [.. card["body"]!.AsArray().Skip(1)
            .SelectMany(container => container!["items"]!.AsArray())
            .Where(item => (string?)item!["type"] == "TextBlock")
            .Select(item => (string)item!["text"]!)];

    private static Task<HttpResponseMessage> PostAsync(TestApp app, string payload, string query = "") =>
        app.Client.PostAsync("/api/alerts/azure" + query, new StringContent(payload, Encoding.UTF8, "application/json"), Cancellation);

    private Task<TestApp> StartAsync(Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Monitoring:AzureAlerts:TeamsWebhookUrl"] = TeamsUrl.AbsoluteUri;
        return TestApp.StartAsync(settings: settings, services: services => services.AddSingleton(teams.TrustingClient()));
    }
}
