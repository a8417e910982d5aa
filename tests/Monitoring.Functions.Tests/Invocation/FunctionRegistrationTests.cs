using Xunit;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Monitoring.Functions.Api;
using Monitoring.Functions.Invocation;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.Invocation;

/// <summary>Every function.json has a handler and every handler has a function.json: checked, not remembered.</summary>
public sealed class FunctionRegistrationTests
{
    [Fact]
    public async Task EveryFunctionJson_HasAHandler_AndEveryHandlerHasAFunctionJson()
    {
        await using var app = await TestApp.StartAsync();
        var catalog = app.App.Services.GetRequiredService<FunctionCatalog>();
        var handled = app.App.Services.GetServices<IFunctionHandler>().Select(h => h.FunctionName)
            .Concat(MonitoringApi.Handlers.Keys)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);

        var declared = catalog.Functions.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.NotEmpty(declared);
        Assert.Empty(declared.Except(handled, StringComparer.OrdinalIgnoreCase));
        Assert.Empty(handled.Except(declared, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task EveryFunction_IsReachableWhereTheHostSendsIt()
    {
        await using var app = await TestApp.StartAsync();
        var catalog = app.App.Services.GetRequiredService<FunctionCatalog>();
        var routes = app.App.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => (Pattern: e.RoutePattern.RawText?.TrimStart('/'), Methods: e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? []))
            .ToList();

        foreach (var function in catalog.Functions)
        {
            var (path, methods) = function.Trigger == TriggerKind.Http
                ? (function.HttpPath, function.TriggerBinding.Methods!.Select(m => m.ToUpperInvariant()).ToArray())
                : (function.Name, ["POST"]);
            Assert.Contains(routes, r => string.Equals(r.Pattern, path, StringComparison.OrdinalIgnoreCase) && methods.All(r.Methods.Contains));
        }
    }

    [Fact]
    public void Catalog_DeclaresTheFoundationFunctions_WithTheirTriggers()
    {
        var catalog = FunctionCatalog.Load(AppContext.BaseDirectory);

        Assert.Equal(
            ["alert-ack", "alerts", "alerts-azure", "check-runs", "CheckDispatch", "data-check-run", "data-check-schema-accept", "data-checks", "DataChecks", "deliveries", "health", "Heartbeat", "run-check", "runbooks", "RunChecks", "silence-create", "silence-delete", "silences", "SloEvaluation", "slos", "status", "SyntheticChecks", "test-notify"],
            catalog.Functions.Select(f => f.Name).Order(StringComparer.OrdinalIgnoreCase));
        Assert.Equal("*/10 * * * * *", catalog.Find("SyntheticChecks")!.TriggerBinding.Schedule);
        Assert.Equal(TriggerKind.Timer, catalog.Find("Heartbeat")!.Trigger);
        Assert.Equal((TriggerKind.Queue, "check-runs", "AzureWebJobsStorage"), (catalog.Find("RunChecks")!.Trigger, catalog.Find("RunChecks")!.TriggerBinding.QueueName, catalog.Find("RunChecks")!.TriggerBinding.Connection));
        Assert.Equal("0 */1 * * * *", catalog.Find("SloEvaluation")!.TriggerBinding.Schedule);
        Assert.Equal("api/slos", catalog.Find("slos")!.HttpPath);
        Assert.True(catalog.Find("slos")!.RequiresFunctionKey);
        Assert.False(catalog.Find("health")!.RequiresFunctionKey);
        Assert.True(catalog.Find("run-check")!.RequiresFunctionKey);
        Assert.Equal("api/checks/{name}/run", catalog.Find("run-check")!.HttpPath);
        Assert.Equal("*/10 * * * * *", catalog.Find("DataChecks")!.TriggerBinding.Schedule);
        Assert.Equal("api/data-checks/{name}/schema/accept", catalog.Find("data-check-schema-accept")!.HttpPath);
        Assert.True(catalog.Find("data-check-schema-accept")!.RequiresFunctionKey);

        // Azure Monitor's webhook carries the host key; runbooks open from Teams and email without one.
        Assert.Equal(("api/alerts/azure", true, TriggerKind.Http), (catalog.Find("alerts-azure")!.HttpPath, catalog.Find("alerts-azure")!.RequiresFunctionKey, catalog.Find("alerts-azure")!.Trigger));
        Assert.Equal(["post"], catalog.Find("alerts-azure")!.TriggerBinding.Methods);
        Assert.Equal(("api/runbooks/{name}", false), (catalog.Find("runbooks")!.HttpPath, catalog.Find("runbooks")!.RequiresFunctionKey));
    }

    [Theory]
    // Malformed function.json files are refused with the function named.
    [InlineData("{", "not valid JSON")]
    [InlineData("""{"bindings":[{"type":"http","direction":"out","name":"res"}]}""", "no trigger binding")]
    [InlineData("""{"bindings":[{"type":"timerTrigger","direction":"in","name":"timer"}]}""", "no schedule")]
    [InlineData("""{"bindings":[{"type":"blobTrigger","direction":"in","name":"blob"}]}""", "unsupported trigger")]
    public void Parse_Throws_WhenFunctionJsonIsMalformed(string json, string expected)
    {
        var exception = Assert.Throws<InvalidOperationException>(() => FunctionCatalog.Parse("Broken", json));

        Assert.Contains(expected, exception.Message, StringComparison.Ordinal);
        Assert.Contains("Broken", exception.Message, StringComparison.Ordinal);
    }
}
