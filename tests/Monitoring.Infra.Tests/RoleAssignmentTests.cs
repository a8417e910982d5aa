using Monitoring.Infra.Tests.Support;
using Monitoring.Infra.Tests.Support.Arm;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>
/// Role assignments are least privilege: allow-listed data-plane roles only, each scoped to the one resource it is
/// about, each for the app's identity (or, when AZURE_PRINCIPAL_ID is given, the deploying user's monitoring-data roles).
/// </summary>
public sealed class RoleAssignmentTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string StorageTableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
    private const string LogAnalyticsReader = "73c42c96-874c-492b-b04d-ab87d138a893";
    private const string CommunicationAndEmailServiceOwner = "09976791-48a7-449e-bb21-39d1a415f350";

    /// <summary>What the app's identity may hold: each role on one resource type.</summary>
    private static readonly HashSet<(string Role, string ResourceType)> AppRoles =
    [
        (StorageBlobDataOwner, "Microsoft.Storage/storageAccounts"),
        (StorageQueueDataContributor, "Microsoft.Storage/storageAccounts"),
        (StorageTableDataContributor, "Microsoft.Storage/storageAccounts"),
        (MonitoringMetricsPublisher, "Microsoft.Insights/dataCollectionRules"),
        (MonitoringMetricsPublisher, "Microsoft.Insights/components"),
        (LogAnalyticsReader, "Microsoft.OperationalInsights/workspaces"),
        (CommunicationAndEmailServiceOwner, "Microsoft.Communication/communicationServices"),
    ];

    /// <summary>What the deploying user may hold: write results through the DCR and read them back.</summary>
    private static readonly HashSet<(string Role, string ResourceType)> DeveloperRoles =
    [
        (MonitoringMetricsPublisher, "Microsoft.Insights/dataCollectionRules"),
        (LogAnalyticsReader, "Microsoft.OperationalInsights/workspaces"),
    ];

    [Fact]
    public async Task AppIdentity_HoldsExactlyTheRolesItNeeds()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var principal = AppPrincipal(deployment);
        var assignments = Assignments(deployment);

        Assert.All(assignments, a => Assert.Equal(principal, a.Principal));
        Assert.Equal(AppRoles.Order(), assignments.Select(a => (a.Role, a.Scope.Type)).Order());
    }

    [Fact]
    public async Task EveryAssignment_IsScopedToADeployedResource_NotAGroupOrSubscription()
    {
        var deployment = await CompiledMain.FullAsync();

        foreach (var assignment in Assignments(deployment))
        {
            Assert.Contains("/providers/", assignment.ScopeId, StringComparison.Ordinal);
            Assert.DoesNotMatch("^/subscriptions/[^/]+(/resourceGroups/[^/]+)?$", assignment.ScopeId);
            Assert.Equal(assignment.ScopeId, assignment.Scope.Id, StringComparer.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task NoAssignment_GrantsABroadRole()
    {
        var deployment = await CompiledMain.FullAsync();

        string[] broad =
        [
            "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
            "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
            "18d7d88d-d35e-4fb5-a5c3-7773c20a72d9", // User Access Administrator
            "f58310d9-a9f6-439a-9e8d-f62e7b41a168", // Role Based Access Control Administrator
            "acdd72a7-3385-48ef-bd42-f606fba81ae7", // Reader (control plane; the data roles are enough)
        ];
        var roles = Assignments(deployment).Select(a => a.Role).ToList();
        Assert.NotEmpty(roles);
        Assert.DoesNotContain(roles, broad.Contains);
        Assert.All(roles, role => Assert.Contains(role, AppRoles.Select(r => r.Role)));
    }

    [Fact]
    public async Task DeployingUser_GetsOnlyMonitoringDataRoles_AndOnlyWhenGiven()
    {
        var without = await CompiledMain.MinimalAsync();
        var with = await CompiledMain.FullAsync();

        Assert.DoesNotContain(Assignments(without), a => a.Principal == CompiledMain.DeveloperPrincipalId);
        var developer = Assignments(with).Where(a => a.Principal != AppPrincipal(with)).ToList();
        Assert.All(developer, a => Assert.Equal(CompiledMain.DeveloperPrincipalId, a.Principal));
        Assert.Equal(DeveloperRoles.Order(), developer.Select(a => (a.Role, a.Scope.Type)).Order());
    }

    [Fact]
    public async Task AppRoles_GoToTheIdentityTheFunctionAppRunsAs()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var site = deployment.Single("Microsoft.Web/sites");
        var identities = site.Body.At("identity.userAssignedIdentities")!.AsObject().Select(p => p.Key).ToList();
        var identity = deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities");

        Assert.Equal("UserAssigned", site.Body.StringAt("identity.type"));
        Assert.Equal([identity.Id], identities);
        Assert.Equal(Runtime.Of(identity.Id, "principalId"), AppPrincipal(deployment));
        Assert.All(Assignments(deployment), a => Assert.Equal("ServicePrincipal", a.Resource.Properties.StringAt("principalType")));
    }

    private static string AppPrincipal(ArmDeployment deployment) =>
        Runtime.Of(deployment.Single("Microsoft.ManagedIdentity/userAssignedIdentities").Id, "principalId");

    private static List<Assignment> Assignments(ArmDeployment deployment)
    {
        var resources = deployment.AllResources().Where(r => r.Deployed).ToList();
        return [.. deployment.OfType("Microsoft.Authorization/roleAssignments").Select(a =>
        {
            var scopeId = a.Body.StringAt("scope") ?? a.Deployment.ScopeId;
            var scope = resources.FirstOrDefault(r => string.Equals(r.Id, scopeId, StringComparison.OrdinalIgnoreCase));
            Assert.True(scope is not null, $"Role assignment {a.Name} is scoped to {scopeId}, which the template does not deploy.");
            var definition = a.Properties.StringAt("roleDefinitionId")!;
            Assert.StartsWith($"/subscriptions/{ArmDeployment.SubscriptionId}/providers/Microsoft.Authorization/roleDefinitions/", definition, StringComparison.Ordinal);
            return new Assignment(a, definition[(definition.LastIndexOf('/') + 1)..], a.Properties.StringAt("principalId")!, scopeId, scope);
        })];
    }

    private sealed record Assignment(ArmResource Resource, string Role, string Principal, string ScopeId, ArmResource Scope);
}
