using System.Text.Json.Nodes;
using Monitoring.Infra.Tests.Support;
using Monitoring.Infra.Tests.Support.Arm;
using Xunit;

namespace Monitoring.Infra.Tests;

/// <summary>The offline evaluator the compiled-template tests rely on evaluates what Bicep emits.</summary>
public sealed class ArmEvaluatorTests
{
    [Fact]
    public void Expressions_EvaluateFunctionsAccessorsAndEscapes()
    {
        var deployment = Evaluate(
            """
            {
              "parameters": { "env": { "type": "string" }, "size": { "type": "int", "defaultValue": 2 } },
              "variables": {
                "names": { "app": "[format('func-{0}', toLower(parameters('env')))]" },
                "literal": "[[not an expression]",
                "items": "[createArray('a', 'b', 'c')]"
              },
              "resources": [],
              "outputs": {
                "APP": { "type": "string", "value": "[variables('names').app]" },
                "LITERAL": { "type": "string", "value": "[variables('literal')]" },
                "SECOND": { "type": "string", "value": "[variables('items')[1]]" },
                "SIZE": { "type": "int", "value": "[add(parameters('size'), 1)]" },
                "MERGED": { "type": "object", "value": "[union(createObject('a', 1), if(empty(''), createObject(), createObject('b', 2)))]" },
                "QUOTE": { "type": "string", "value": "[concat('it''s ', string(true()))]" }
              }
            }
            """,
            new() { ["env"] = "Dev" });

        Assert.Equal("func-dev", deployment.Outputs["APP"]!.GetValue<string>());
        Assert.Equal("[not an expression]", deployment.Outputs["LITERAL"]!.GetValue<string>());
        Assert.Equal("b", deployment.Outputs["SECOND"]!.GetValue<string>());
        Assert.True(Runtime.IsRuntime(deployment.Outputs["SIZE"]), "An unknown function stays a runtime value.");
        Assert.Equal("""{"a":1}""", deployment.Outputs["MERGED"]!.ToJsonString());
        Assert.Equal("it's True", deployment.Outputs["QUOTE"]!.GetValue<string>());
    }

    [Fact]
    public void CopyLoopsAndLambdas_Expand()
    {
        var deployment = Evaluate(
            """
            {
              "parameters": {},
              "variables": { "tables": [ { "name": "A_CL", "n": 1 }, { "name": "B_CL", "n": 2 } ] },
              "resources": [
                {
                  "copy": { "name": "tables", "count": "[length(variables('tables'))]" },
                  "type": "Microsoft.OperationalInsights/workspaces/tables",
                  "apiVersion": "2025-07-01",
                  "name": "[format('{0}/{1}', 'log-x', variables('tables')[copyIndex()].name)]",
                  "properties": {
                    "copy": [ { "name": "flows", "count": 2, "input": "[format('{0}-{1}', variables('tables')[copyIndex()].name, copyIndex('flows'))]" } ],
                    "byName": "[toObject(variables('tables'), lambda('t', lambdaVariables('t').name), lambda('t', lambdaVariables('t').n))]"
                  }
                }
              ]
            }
            """,
            []);

        var tables = deployment.Resources;
        Assert.Equal(["log-x/A_CL", "log-x/B_CL"], tables.Select(t => t.Name));
        Assert.Equal("""["B_CL-0","B_CL-1"]""", tables[1].Properties["flows"]!.ToJsonString());
        Assert.Equal("""{"A_CL":1,"B_CL":2}""", tables[0].Properties["byName"]!.ToJsonString());
        Assert.EndsWith("/providers/Microsoft.OperationalInsights/workspaces/log-x/tables/B_CL", tables[1].Id, StringComparison.Ordinal);
    }

    [Fact]
    public void Modules_TakeTheirParentsValues_AndTheirOutputsResolveWhereRead()
    {
        var deployment = Evaluate(
            """
            {
              "parameters": { "flag": { "type": "bool" } },
              "resources": [
                {
                  "type": "Microsoft.Resources/deployments",
                  "apiVersion": "2025-04-01",
                  "name": "inner",
                  "resourceGroup": "rg-test",
                  "properties": {
                    "expressionEvaluationOptions": { "scope": "inner" },
                    "mode": "Incremental",
                    "parameters": { "name": { "value": "[format('st{0}', 'abc')]" } },
                    "template": {
                      "parameters": { "name": { "type": "string" } },
                      "resources": [
                        { "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2026-06-01", "name": "[parameters('name')]", "properties": {} },
                        { "condition": "[false()]", "type": "Microsoft.Storage/storageAccounts", "apiVersion": "2026-06-01", "name": "never", "properties": {} }
                      ],
                      "outputs": {
                        "blob": { "type": "string", "value": "[reference(resourceId('Microsoft.Storage/storageAccounts', parameters('name')), '2026-06-01').primaryEndpoints.blob]" }
                      }
                    }
                  }
                }
              ],
              "outputs": {
                "BLOB": { "type": "string", "value": "[reference(extensionResourceId(format('/subscriptions/{0}/resourceGroups/{1}', subscription().subscriptionId, 'rg-test'), 'Microsoft.Resources/deployments', 'inner'), '2025-04-01').outputs.blob.value]" }
              }
            }
            """,
            new() { ["flag"] = true });

        var account = deployment.AllResources().First(r => r.Is("Microsoft.Storage/storageAccounts"));
        Assert.Equal("stabc", account.Name);
        Assert.Equal("rg-test", deployment.Module("inner").ResourceGroup);
        Assert.Equal(Runtime.Of(account.Id, "primaryEndpoints.blob"), deployment.Outputs["BLOB"]!.GetValue<string>());
        Assert.False(deployment.AllResources().Single(r => r.Name == "never").Deployed);
        Assert.Equal(["stabc"], deployment.OfType("Microsoft.Storage/storageAccounts").Select(r => r.Name));
    }

    private static ArmDeployment Evaluate(string template, Dictionary<string, JsonNode?> parameters) =>
        ArmDeployment.Evaluate((JsonObject)JsonNode.Parse(template)!, parameters);
}
