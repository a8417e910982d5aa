using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support.Arm;

namespace Monitoring.Infra.Tests.Support;

/// <summary><c>infra/main.bicep</c> compiled once per test run, and evaluated offline for a given set of parameters.</summary>
internal static class CompiledMain
{
    /// <summary>The object id the deploying user has in evaluations that grant it roles.</summary>
    public const string DeveloperPrincipalId = "11111111-2222-3333-4444-555555555555";

    /// <summary>The Teams Workflows URL evaluations that set one use.</summary>
    public const string TeamsWorkflowUrl = "https://example.invalid/workflows/abc/triggers/manual/paths/invoke?sig=secret";

    /// <summary>The comma-separated alert emails evaluations that set them use, spaces and an empty entry included.</summary>
    public const string AlertEmails = " oncall@example.com, lead@example.com ,";

    private static readonly Lazy<Task<JsonObject>> Template = new(async () =>
    {
        var (template, _) = await BicepCli.BuildAsync(Path.Combine(BicepCli.RepositoryRoot(), "infra", "main.bicep"), CancellationToken.None);
        return template;
    });

    /// <summary>The ARM template <c>bicep build infra/main.bicep</c> writes.</summary>
    public static Task<JsonObject> TemplateAsync() => Template.Value;

    /// <summary>The template evaluated as <c>azd up</c> deploys it by default: no deploying user, no Teams URL.</summary>
    public static Task<ArmDeployment> MinimalAsync() => EvaluateAsync(principalId: string.Empty, teamsWebhookUrl: string.Empty, alertEmails: string.Empty);

    /// <summary>The template evaluated with every optional input set: the deploying user, a Teams URL and alert emails.</summary>
    public static Task<ArmDeployment> FullAsync() => EvaluateAsync(DeveloperPrincipalId, TeamsWorkflowUrl, AlertEmails);

    private static async Task<ArmDeployment> EvaluateAsync(string principalId, string teamsWebhookUrl, string alertEmails)
    {
        var template = await TemplateAsync();
        return ArmDeployment.Evaluate(template, new Dictionary<string, JsonNode?>
        {
            ["environmentName"] = "test",
            ["location"] = "swedencentral",
            ["principalId"] = principalId,
            ["teamsWebhookUrl"] = teamsWebhookUrl,
            ["alertEmails"] = alertEmails,
        });
    }
}
