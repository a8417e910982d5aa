using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Functions.Demo;
using Monitoring.Functions.Demo.Faults;
using Xunit;

namespace Monitoring.Functions.Tests.Demo;

public sealed class DemoFaultTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Checkout_Answers500ProblemDetails_WhenItsErrorRateIsOne()
    {
        await using var shop = await DemoShopServer.StartAsync();
        var (token, cartId) = await FillCartAsync(shop);
        await shop.PutFaultAsync("checkout", """{"errorRate":1}""");

        using var response = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, $$"""{"cartId":"{{cartId}}"}""");

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.InternalServerError);
        Assert.Equal("checkout", response.Headers.GetValues(DemoFaultFilter.HeaderName).Single());
    }

    [Fact]
    public async Task Fault_AnswersItsStatusCode_WhenOneIsGiven()
    {
        await using var shop = await DemoShopServer.StartAsync();
        await shop.PutFaultAsync("products", """{"errorRate":1,"statusCode":429}""");

        using var response = await shop.SendAsync(HttpMethod.Get, "api/products");

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.TooManyRequests);
    }

    [Theory]
    // A request fails when the random draw falls below the error rate.
    [InlineData(0.5, 0.49, HttpStatusCode.InternalServerError)]
    [InlineData(0.5, 0.5, HttpStatusCode.OK)]
    [InlineData(1.0, 0.999999, HttpStatusCode.InternalServerError)]
    // An error rate of 0 never fails, even on the lowest draw.
    [InlineData(0.0, 0.0, HttpStatusCode.OK)]
    public async Task ErrorRate_FailsExactlyTheDrawsBelowIt_WhenRandomnessIsFixed(double errorRate, double draw, HttpStatusCode expected)
    {
        await using var shop = await DemoShopServer.StartAsync(services => services.AddSingleton<IDemoRandomSource>(new FixedRandomSource(draw)));
        await shop.PutFaultAsync("homepage", $$"""{"errorRate":{{errorRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}}}""");

        using var response = await shop.SendAsync(HttpMethod.Get, "");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Latency_DelaysTheAnswerByAtLeastTheLatency_WhenSet()
    {
        await using var shop = await DemoShopServer.StartAsync();
        await shop.PutFaultAsync("products", """{"latencyMs":300}""");

        var stopwatch = Stopwatch.StartNew();
        using var response = await shop.SendAsync(HttpMethod.Get, "api/products");
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // Timers tick in whole milliseconds, so allow a few below the nominal delay.
        Assert.True(stopwatch.Elapsed >= TimeSpan.FromMilliseconds(295), $"The answer took {stopwatch.Elapsed.TotalMilliseconds} ms.");
    }

    [Fact]
    public async Task Latency_WaitsOnTheInjectedTimeProvider_WhenOneIsRegistered()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));
        await using var shop = await DemoShopServer.StartAsync(services => services.AddSingleton<TimeProvider>(time));
        await shop.PutFaultAsync("products", """{"latencyMs":60000}""");
        var start = time.GetUtcNow();

        // A minute of fake time: if the shop used the real clock, the client's timeout would fail the test.
        var pending = shop.SendAsync(HttpMethod.Get, "api/products");
        while (!pending.IsCompleted)
        {
            time.Advance(TimeSpan.FromSeconds(5));
            await Task.Delay(10, Cancellation);
        }

        using var response = await pending;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(time.GetUtcNow() - start >= TimeSpan.FromMinutes(1), $"Only {time.GetUtcNow() - start} passed.");
    }

    [Theory]
    [InlineData("homepage", "GET", "")]
    [InlineData("products", "GET", "api/products")]
    [InlineData("product", "GET", "api/products/burr-grinder")]
    [InlineData("product", "GET", "products/burr-grinder")]
    [InlineData("login", "POST", "api/login")]
    [InlineData("cart", "POST", "api/cart")]
    [InlineData("cart", "POST", "api/cart/any/items")]
    [InlineData("cart", "GET", "api/cart/any")]
    [InlineData("checkout", "POST", "api/checkout")]
    [InlineData("logout", "POST", "api/logout")]
    [InlineData("feed", "GET", "feed/orders")]
    public async Task Down_Answers503AtOnceOnEveryEndpointOfTheRoute_WhenTheRouteIsDown(string route, string method, string path)
    {
        await using var shop = await DemoShopServer.StartAsync();
        // Down wins over latency: a down route answers at once.
        await shop.PutFaultAsync(route, """{"down":true,"latencyMs":600000}""");

        using var response = await shop.SendAsync(new HttpMethod(method), path);

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.ServiceUnavailable);
        Assert.Equal(route, response.Headers.GetValues(DemoFaultFilter.HeaderName).Single());
    }

    [Fact]
    public async Task Down_LeavesOtherRoutesWorking_WhenOneRouteIsDown()
    {
        await using var shop = await DemoShopServer.StartAsync();
        await shop.PutFaultAsync("checkout", """{"down":true}""");

        using var products = await shop.SendAsync(HttpMethod.Get, "api/products");
        var (token, _) = await FillCartAsync(shop);

        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        Assert.False(products.Headers.Contains(DemoFaultFilter.HeaderName));
        Assert.NotEmpty(token);
    }

    [Fact]
    public async Task ClearingOneRoute_RestoresIt_WhenItHadAFault()
    {
        await using var shop = await DemoShopServer.StartAsync();
        var (token, cartId) = await FillCartAsync(shop);
        await shop.PutFaultAsync("checkout", """{"errorRate":1}""");
        await shop.PutFaultAsync("products", """{"down":true}""");

        using (var cleared = await shop.SendAsync(HttpMethod.Delete, "faults/checkout"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }

        using var checkout = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, $$"""{"cartId":"{{cartId}}"}""");
        using var products = await shop.SendAsync(HttpMethod.Get, "api/products");
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, products.StatusCode);
    }

    [Fact]
    public async Task ClearingAll_RestoresEveryRouteAndEmptiesTheList_WhenSeveralHaveFaults()
    {
        await using var shop = await DemoShopServer.StartAsync();
        await shop.PutFaultAsync("homepage", """{"down":true}""");
        await shop.PutFaultAsync("products", """{"errorRate":1}""");

        using (var cleared = await shop.SendAsync(HttpMethod.Delete, "faults"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }

        using var homepage = await shop.SendAsync(HttpMethod.Get, "");
        using var products = await shop.SendAsync(HttpMethod.Get, "api/products");
        Assert.Equal(HttpStatusCode.OK, homepage.StatusCode);
        Assert.Equal(HttpStatusCode.OK, products.StatusCode);
        Assert.Empty(await ListFaultsAsync(shop));
    }

    [Fact]
    public async Task List_ShowsActiveFaultsWithDefaultsFilledIn_WhenFaultsAreSet()
    {
        await using var shop = await DemoShopServer.StartAsync();
        await shop.PutFaultAsync("login", """{"latencyMs":2000}""");
        await shop.PutFaultAsync("checkout", """{"errorRate":0.25,"statusCode":502}""");
        // A second PUT replaces the fault rather than merging with it.
        await shop.PutFaultAsync("login", """{"down":true}""");

        var faults = await ListFaultsAsync(shop);

        Assert.Equal(
            ["checkout 0.25 502 0 False", "login 0 500 0 True"],
            faults.Select(fault => $"{fault.GetProperty("route")} {fault.GetProperty("errorRate")} {fault.GetProperty("statusCode")} {fault.GetProperty("latencyMs")} {fault.GetProperty("down")}"));
    }

    [Theory]
    // Out of range.
    [InlineData("checkout", """{"errorRate":2}""", "errorRate")]
    [InlineData("checkout", """{"errorRate":-0.1}""", "errorRate")]
    [InlineData("checkout", """{"statusCode":200}""", "statusCode")]
    [InlineData("checkout", """{"statusCode":399}""", "statusCode")]
    [InlineData("checkout", """{"statusCode":600}""", "statusCode")]
    [InlineData("checkout", """{"latencyMs":-1}""", "latencyMs")]
    [InlineData("checkout", """{"latencyMs":600001}""", "latencyMs")]
    // Not the right shape.
    [InlineData("checkout", """{"errorRate":1""", "parsed")]
    [InlineData("checkout", """{"eror_rate":1}""", "parsed")]
    [InlineData("checkout", """{"latencyMs":1.5}""", "parsed")]
    [InlineData("checkout", """{"down":"yes"}""", "parsed")]
    [InlineData("checkout", "[]", "parsed")]
    [InlineData("checkout", "null", "null")]
    [InlineData("checkout", "", "parsed")]
    // Not a route.
    [InlineData("payment", """{"errorRate":1}""", "payment")]
    [InlineData("Checkout", """{"errorRate":1}""", "Checkout")]
    public async Task Put_Answers400ProblemDetailsAndChangesNothing_WhenTheFaultIsInvalid(string route, string json, string mentioned)
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.SendAsync(HttpMethod.Put, $"faults/{route}", json: json);

        using var problem = await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Empty(await ListFaultsAsync(shop));
    }

    [Fact]
    public async Task Delete_Answers400ProblemDetails_WhenTheRouteIsUnknown()
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.SendAsync(HttpMethod.Delete, "faults/payment");

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task FaultRoutes_CoverEveryShopEndpointAndEveryNameIsUsed_WhenTheShopIsMapped()
    {
        await using var shop = await DemoShopServer.StartAsync();
        var endpoints = shop.Endpoints.OfType<RouteEndpoint>().ToList();

        // The fault APIs themselves are never faulted.
        var shopEndpoints = endpoints.Where(endpoint =>
            !endpoint.RoutePattern.RawText!.StartsWith("/demo/faults", StringComparison.Ordinal) && endpoint.RoutePattern.RawText != "/demo/feed/fault");
        var unfaultable = shopEndpoints.Where(endpoint => endpoint.Metadata.GetMetadata<DemoFaultRouteMetadata>() is null).Select(endpoint => endpoint.RoutePattern.RawText);
        var used = endpoints.Select(endpoint => endpoint.Metadata.GetMetadata<DemoFaultRouteMetadata>()?.Route).OfType<string>().ToHashSet();

        Assert.Empty(unfaultable);
        Assert.Equal(DemoFaultRoutes.All.Order(StringComparer.Ordinal), used.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WithFaultRoute_Throws_WhenTheRouteIsNotKnown()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Services.AddDemoShop();
        using var app = builder.Build();

        var exception = Assert.Throws<ArgumentException>(() => app.MapGet("/x", () => "x").WithFaultRoute("payment"));

        Assert.Contains("'payment'", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<(string Token, string CartId)> FillCartAsync(DemoShopServer shop)
    {
        var token = await shop.LoginAsync();
        var cartId = await shop.CreateCartAsync(token);
        using var added = await shop.SendAsync(HttpMethod.Post, $"api/cart/{cartId}/items", token, """{"productId":"coffee-beans","quantity":1}""");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        return (token, cartId);
    }

    private static async Task<List<System.Text.Json.JsonElement>> ListFaultsAsync(DemoShopServer shop)
    {
        using var response = await shop.SendAsync(HttpMethod.Get, "faults");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await DemoShopServer.ReadJsonAsync(response);
        return [.. body.RootElement.EnumerateArray().Select(fault => fault.Clone())];
    }
}
