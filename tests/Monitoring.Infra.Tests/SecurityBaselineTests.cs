using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>
/// The compiled template (every module's resources, evaluated) keeps the security baseline: identity-only storage, no
/// local (key) authentication anywhere it can be turned off, TLS 1.2 and HTTPS only, no basic publishing credentials.
/// </summary>
public sealed class SecurityBaselineTests
{
    [Fact]
    public async Task Storage_AllowsIdentityAccessOnly_OverHttpsAndTls12()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var accounts = deployment.OfType("Microsoft.Storage/storageAccounts");
        Assert.NotEmpty(accounts);
        foreach (var account in accounts)
        {
            Assert.False(account.Properties.BoolAt("allowSharedKeyAccess") ?? true, $"{account.Name} allows shared keys.");
            Assert.False(account.Properties.BoolAt("allowBlobPublicAccess") ?? true, $"{account.Name} allows public blobs.");
            Assert.Equal("TLS1_2", account.Properties.StringAt("minimumTlsVersion"));
            Assert.True(account.Properties.BoolAt("supportsHttpsTrafficOnly"), $"{account.Name} accepts HTTP.");
        }

        foreach (var container in deployment.OfType("Microsoft.Storage/storageAccounts/blobServices/containers"))
        {
            Assert.Equal("None", container.Properties.StringAt("publicAccess") ?? "None");
        }
    }

    [Fact]
    public async Task EveryResourceWithLocalAuth_DisablesIt()
    {
        var deployment = await CompiledMain.FullAsync();

        var withSwitch = deployment.AllResources()
            .Where(r => r.Deployed)
            .Select(r => (Resource: r, Switches: Switches(r.Body, "disableLocalAuth").ToList()))
            .Where(r => r.Switches.Count > 0)
            .ToList();

        foreach (var (resource, switches) in withSwitch)
        {
            Assert.All(switches, s => Assert.True(s is JsonValue v && v.TryGetValue<bool>(out var b) && b, $"{resource} does not disable local auth."));
        }

        // The resources that accept keys all say so, rather than passing by omission.
        Assert.Contains(withSwitch, r => r.Resource.Is("Microsoft.OperationalInsights/workspaces"));
        Assert.Contains(withSwitch, r => r.Resource.Is("Microsoft.Insights/components"));
        Assert.Contains(withSwitch, r => r.Resource.Is("Microsoft.Communication/communicationServices"));
    }

    [Fact]
    public async Task FunctionApp_IsHttpsOnly_WithTls12_AndNoFtp()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var site = deployment.Single("Microsoft.Web/sites");
        Assert.True(site.Properties.BoolAt("httpsOnly"));
        Assert.Equal("1.2", site.Properties.StringAt("siteConfig.minTlsVersion"));
        Assert.Equal("1.2", site.Properties.StringAt("siteConfig.scmMinTlsVersion"));
        Assert.Equal("Disabled", site.Properties.StringAt("siteConfig.ftpsState"));
    }

    [Fact]
    public async Task FunctionApp_HasNoBasicPublishingCredentials()
    {
        var deployment = await CompiledMain.MinimalAsync();

        var site = deployment.Single("Microsoft.Web/sites");
        var policies = deployment.OfType("Microsoft.Web/sites/basicPublishingCredentialsPolicies")
            .Where(p => p.Name.StartsWith(site.Name + "/", StringComparison.Ordinal))
            .ToDictionary(p => p.Name[(site.Name.Length + 1)..], p => p.Properties.BoolAt("allow"));

        Assert.Equal(new Dictionary<string, bool?> { ["ftp"] = false, ["scm"] = false }, policies);
    }

    // Every value of a property named `name` (in any casing), at any depth.
    private static IEnumerable<JsonNode?> Switches(JsonNode? node, string name)
    {
        if (node is JsonObject obj)
        {
            foreach (var (key, value) in obj)
            {
                if (string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
                {
                    yield return value;
                }

                foreach (var inner in Switches(value, name))
                {
                    yield return inner;
                }
            }
        }
        else if (node is JsonArray array)
        {
            foreach (var inner in array.SelectMany(item => Switches(item, name)))
            {
                yield return inner;
            }
        }
    }
}
