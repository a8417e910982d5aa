using System.Globalization;
using System.Net;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Monitoring.Functions.Tests.Support;
using Xunit;

namespace Monitoring.Functions.Tests.Demo;

/// <summary>The orders feed (<c>GET /demo/feed/orders</c>) and its faults (<c>/demo/feed/fault</c>), on a fake clock.</summary>
public sealed class DemoOrderFeedTests
{
    // Ten seconds past a steady order, so the listed hour holds 120 of them: 11:00:30 to 12:00:00.
    private static readonly DateTimeOffset Start = new(2026, 3, 14, 12, 0, 10, TimeSpan.Zero);

    private static readonly string[] Fields = ["id", "customer", "total", "currency", "createdAt"];

    private static readonly decimal[] Prices = [249.00m, 89.50m, 45.00m, 24.90m, 32.00m, 39.99m];

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Feed_ListsTheLastHoursOrdersNewestFirst_InTheDocumentedShape()
    {
        await using var shop = await StartAsync(new FakeTimeProvider(Start));

        var feed = await ReadFeedAsync(shop);

        Assert.Equal(["generatedAt", "lastOrderAt", "count", "orders"], feed.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-03-14T12:00:10Z", feed.GetProperty("generatedAt").GetString());
        Assert.Equal("2026-03-14T12:00:00Z", feed.GetProperty("lastOrderAt").GetString());
        var orders = Orders(feed);
        Assert.Equal(120, feed.GetProperty("count").GetInt32());
        Assert.Equal(120, orders.Count);
        Assert.All(orders, order =>
        {
            Assert.Equal(Fields, order.EnumerateObject().Select(p => p.Name));
            Assert.False(string.IsNullOrEmpty(order.GetProperty("id").GetString()));
            Assert.False(string.IsNullOrEmpty(order.GetProperty("customer").GetString()));
            Assert.Equal("EUR", order.GetProperty("currency").GetString());
            var total = order.GetProperty("total").GetDecimal();
            Assert.Contains(Prices, price => total == price || total == price * 2 || total == price * 3);
            Assert.EndsWith("Z", order.GetProperty("createdAt").GetString(), StringComparison.Ordinal);
        });
        Assert.Equal(Start.AddSeconds(-10), CreatedAt(orders[0]));
        Assert.Equal(Start.AddMinutes(-60).AddSeconds(20), CreatedAt(orders[^1]));
        Assert.Equal(orders.Select(CreatedAt).OrderDescending(), orders.Select(CreatedAt));
        Assert.Equal(120, orders.Select(order => order.GetProperty("id").GetString()).Distinct().Count());
        Assert.True(orders.Select(order => order.GetProperty("customer").GetString()).Distinct().Count() > 1, "Every steady order has the same customer.");
    }

    [Fact]
    public async Task Feed_GetsAnOrderEveryThirtySecondsOfClockTime_AndTheSameOrdersOnEveryRead_WhenFakeTimeAdvances()
    {
        var time = new FakeTimeProvider(Start);
        await using var shop = await StartAsync(time);
        var before = Orders(await ReadFeedAsync(shop));

        time.Advance(TimeSpan.FromSeconds(19));
        var stillBefore = await ReadFeedAsync(shop);
        time.Advance(TimeSpan.FromSeconds(1));
        var after = await ReadFeedAsync(shop);

        Assert.Equal("2026-03-14T12:00:00Z", stillBefore.GetProperty("lastOrderAt").GetString());
        Assert.Equal("2026-03-14T12:00:30Z", after.GetProperty("lastOrderAt").GetString());
        Assert.Equal(120, after.GetProperty("count").GetInt32());
        Assert.Equal([.. before.Take(119).Select(o => o.GetRawText())], Orders(after).Skip(1).Select(o => o.GetRawText()));

        // A jump of ten minutes, as a fast-forwarded clock makes, brings the twenty orders it passed over.
        time.Advance(TimeSpan.FromMinutes(10));
        var later = await ReadFeedAsync(shop);

        Assert.Equal("2026-03-14T12:10:30Z", later.GetProperty("lastOrderAt").GetString());
        Assert.Equal(120, later.GetProperty("count").GetInt32());
        Assert.Equal(Enumerable.Range(0, 21).Select(i => Start.AddSeconds(620 - (30 * i))), Orders(later).Take(21).Select(CreatedAt));
        Assert.Equal(Orders(after)[0].GetRawText(), Orders(later)[20].GetRawText());
    }

    [Fact]
    public async Task Checkout_PutsTheOrderInTheFeed_WithItsCustomerAndTotal_ForAnHour()
    {
        var time = new FakeTimeProvider(Start);
        await using var shop = await StartAsync(time);
        time.Advance(TimeSpan.FromSeconds(5));

        var orderId = await PlaceOrderAsync(shop);
        var feed = await ReadFeedAsync(shop);

        Assert.Equal("2026-03-14T12:00:15Z", feed.GetProperty("lastOrderAt").GetString());
        Assert.Equal(121, feed.GetProperty("count").GetInt32());
        var order = Orders(feed)[0];
        Assert.Equal(orderId, order.GetProperty("id").GetString());
        Assert.Equal("demo", order.GetProperty("customer").GetString());
        Assert.Equal(179.00m, order.GetProperty("total").GetDecimal());
        Assert.Equal("EUR", order.GetProperty("currency").GetString());
        Assert.Equal("2026-03-14T12:00:15Z", order.GetProperty("createdAt").GetString());

        time.Advance(TimeSpan.FromMinutes(59) + TimeSpan.FromSeconds(59));
        Assert.Contains(Orders(await ReadFeedAsync(shop)), o => o.GetProperty("id").GetString() == orderId);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(Orders(await ReadFeedAsync(shop)), o => o.GetProperty("id").GetString() == orderId);
    }

    [Fact]
    public async Task Stopped_FreezesTheFeedFromTheMomentItIsSet_AndClearingResumesIt_WithoutTheMissedOrders()
    {
        var time = new FakeTimeProvider(Start);
        await using var shop = await StartAsync(time);

        using var fault = await PutFeedFaultAsync(shop, """{"stopped":true}""");
        Assert.Equal("""{"stopped":true,"stoppedAt":"2026-03-14T12:00:10Z","empty":false,"dropColumn":null}""", fault.RootElement.GetRawText());

        time.Advance(TimeSpan.FromMinutes(10));
        var checkoutWhileStopped = await PlaceOrderAsync(shop);
        var stopped = await ReadFeedAsync(shop);

        Assert.Equal("2026-03-14T12:00:00Z", stopped.GetProperty("lastOrderAt").GetString());
        Assert.Equal("2026-03-14T12:10:10Z", stopped.GetProperty("generatedAt").GetString());
        Assert.Equal(100, stopped.GetProperty("count").GetInt32());
        Assert.Equal(Start.AddSeconds(-10), CreatedAt(Orders(stopped)[0]));
        Assert.DoesNotContain(Orders(stopped), o => o.GetProperty("id").GetString() == checkoutWhileStopped);

        using (var cleared = await shop.SendAsync(HttpMethod.Delete, "feed/fault"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }

        time.Advance(TimeSpan.FromSeconds(20));
        var resumed = await ReadFeedAsync(shop);

        Assert.Equal("2026-03-14T12:10:30Z", resumed.GetProperty("lastOrderAt").GetString());
        Assert.Equal(100, resumed.GetProperty("count").GetInt32());
        Assert.Equal([Start.AddSeconds(620), Start.AddSeconds(-10)], Orders(resumed).Take(2).Select(CreatedAt));
        Assert.DoesNotContain(Orders(resumed), o => o.GetProperty("id").GetString() == checkoutWhileStopped);
        Assert.Equal("""{"stopped":false,"stoppedAt":null,"empty":false,"dropColumn":null}""", (await ReadFaultAsync(shop)).GetRawText());
    }

    [Fact]
    public async Task Stopped_KeepsTheMomentItFirstStopped_WhenSetAgain()
    {
        var time = new FakeTimeProvider(Start);
        await using var shop = await StartAsync(time);
        using (await PutFeedFaultAsync(shop, """{"stopped":true}"""))
        {
        }

        time.Advance(TimeSpan.FromMinutes(5));
        using var again = await PutFeedFaultAsync(shop, """{"stopped":true,"empty":false}""");

        Assert.Equal("2026-03-14T12:00:10Z", again.RootElement.GetProperty("stoppedAt").GetString());
        Assert.Equal("2026-03-14T12:00:00Z", (await ReadFeedAsync(shop)).GetProperty("lastOrderAt").GetString());
    }

    [Fact]
    public async Task Empty_AnswersNoOrders_WhileSet_AndTheOrdersComeBackWhenCleared()
    {
        var time = new FakeTimeProvider(Start);
        await using var shop = await StartAsync(time);
        await PlaceOrderAsync(shop);
        using (await PutFeedFaultAsync(shop, """{"empty":true}"""))
        {
        }

        time.Advance(TimeSpan.FromSeconds(30));
        var empty = await ReadFeedAsync(shop);

        Assert.Equal(0, empty.GetProperty("count").GetInt32());
        Assert.Equal(0, empty.GetProperty("orders").GetArrayLength());
        Assert.Equal("2026-03-14T12:00:40Z", empty.GetProperty("generatedAt").GetString());

        // Orders still arrive; the feed only answers none of them, so lastOrderAt (freshness) stays true to them.
        Assert.Equal("2026-03-14T12:00:30Z", empty.GetProperty("lastOrderAt").GetString());

        using (var cleared = await shop.SendAsync(HttpMethod.Delete, "feed/fault"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }

        Assert.Equal(121, (await ReadFeedAsync(shop)).GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("id")]
    [InlineData("customer")]
    [InlineData("total")]
    [InlineData("currency")]
    [InlineData("createdAt")]
    public async Task DropColumn_RemovesThatFieldFromEveryOrder_WhileSet(string field)
    {
        await using var shop = await StartAsync(new FakeTimeProvider(Start));
        await PlaceOrderAsync(shop);

        using (var fault = await PutFeedFaultAsync(shop, $$"""{"dropColumn":"{{field}}"}"""))
        {
            Assert.Equal(field, fault.RootElement.GetProperty("dropColumn").GetString());
        }

        var drifted = await ReadFeedAsync(shop);
        Assert.Equal(121, drifted.GetProperty("count").GetInt32());
        Assert.All(Orders(drifted), order => Assert.Equal(Fields.Where(f => f != field), order.EnumerateObject().Select(p => p.Name)));

        using (await shop.SendAsync(HttpMethod.Delete, "feed/fault"))
        {
        }

        Assert.All(Orders(await ReadFeedAsync(shop)), order => Assert.Equal(Fields, order.EnumerateObject().Select(p => p.Name)));
    }

    [Fact]
    public async Task Put_CombinesTheFaults_AndTheNextPutReplacesThem()
    {
        var time = new FakeTimeProvider(Start);
        await using var shop = await StartAsync(time);

        using (await PutFeedFaultAsync(shop, """{"stopped":true,"empty":true,"dropColumn":"currency"}"""))
        {
        }

        Assert.Equal("""{"stopped":true,"stoppedAt":"2026-03-14T12:00:10Z","empty":true,"dropColumn":"currency"}""", (await ReadFaultAsync(shop)).GetRawText());
        Assert.Equal(0, (await ReadFeedAsync(shop)).GetProperty("count").GetInt32());

        time.Advance(TimeSpan.FromMinutes(1));
        using (await PutFeedFaultAsync(shop, """{"dropColumn":"total"}"""))
        {
        }

        Assert.Equal("""{"stopped":false,"stoppedAt":null,"empty":false,"dropColumn":"total"}""", (await ReadFaultAsync(shop)).GetRawText());
        var feed = await ReadFeedAsync(shop);
        Assert.Equal(["id", "customer", "currency", "createdAt"], Orders(feed)[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(118, feed.GetProperty("count").GetInt32());
    }

    [Theory]
    // Not an order field (names are case-sensitive, like the JSON).
    [InlineData("""{"dropColumn":"price"}""", "dropColumn")]
    [InlineData("""{"dropColumn":"Currency"}""", "dropColumn")]
    [InlineData("""{"dropColumn":""}""", "dropColumn")]
    [InlineData("""{"dropColumn":"orders"}""", "dropColumn")]
    // Not the right shape.
    [InlineData("""{"stop":true}""", "parsed")]
    [InlineData("""{"stopped":"yes"}""", "parsed")]
    [InlineData("""{"dropColumn":5}""", "parsed")]
    [InlineData("""{"dropColumn":["id"]}""", "parsed")]
    [InlineData("""{"empty":true""", "parsed")]
    [InlineData("[]", "parsed")]
    [InlineData("null", "null")]
    [InlineData("", "parsed")]
    public async Task Put_Answers400ProblemDetailsAndChangesNothing_WhenTheFeedFaultIsInvalid(string json, string mentioned)
    {
        await using var shop = await StartAsync(new FakeTimeProvider(Start));

        using var response = await shop.SendAsync(HttpMethod.Put, "feed/fault", json: json);

        using var problem = await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains(mentioned, problem.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.Equal("""{"stopped":false,"stoppedAt":null,"empty":false,"dropColumn":null}""", (await ReadFaultAsync(shop)).GetRawText());
        Assert.Equal(120, (await ReadFeedAsync(shop)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Put_NamesTheOrderFields_WhenDropColumnIsUnknown()
    {
        await using var shop = await StartAsync(new FakeTimeProvider(Start));

        using var response = await shop.SendAsync(HttpMethod.Put, "feed/fault", json: """{"dropColumn":"price"}""");

        using var problem = await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        var error = Assert.Single(problem.RootElement.GetProperty("errors").GetProperty("dropColumn").EnumerateArray()).GetString();
        Assert.Equal("dropColumn must be one of the order fields id, customer, total, currency, createdAt. It was 'price'.", error);
    }

    [Fact]
    public async Task ClearingAllFaults_ClearsTheFeedFaultToo()
    {
        await using var shop = await StartAsync(new FakeTimeProvider(Start));
        using (await PutFeedFaultAsync(shop, """{"empty":true,"dropColumn":"id"}"""))
        {
        }

        using (var cleared = await shop.SendAsync(HttpMethod.Delete, "faults"))
        {
            Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        }

        Assert.Equal("""{"stopped":false,"stoppedAt":null,"empty":false,"dropColumn":null}""", (await ReadFaultAsync(shop)).GetRawText());
        Assert.Equal(120, (await ReadFeedAsync(shop)).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Feed_IsServedByTheApp_OnTheAppsTimeProvider()
    {
        var time = new FakeTimeProvider(Start);
        await using var app = await TestApp.StartAsync(time: time);

        time.Advance(TimeSpan.FromSeconds(20));
        using var response = await app.Client.GetAsync(new Uri("/demo/feed/orders", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var feed = await DemoShopServer.ReadJsonAsync(response);
        Assert.Equal("2026-03-14T12:00:30Z", feed.RootElement.GetProperty("generatedAt").GetString());
        Assert.Equal("2026-03-14T12:00:30Z", feed.RootElement.GetProperty("lastOrderAt").GetString());
        Assert.Equal(120, feed.RootElement.GetProperty("count").GetInt32());
    }

    private static Task<DemoShopServer> StartAsync(FakeTimeProvider time) =>
        DemoShopServer.StartAsync(services => services.AddSingleton<TimeProvider>(time));

    private static async Task<JsonElement> ReadFeedAsync(DemoShopServer shop)
    {
        using var response = await shop.SendAsync(HttpMethod.Get, "feed/orders");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await DemoShopServer.ReadJsonAsync(response);
        return body.RootElement.Clone();
    }

    private static async Task<JsonElement> ReadFaultAsync(DemoShopServer shop)
    {
        using var response = await shop.SendAsync(HttpMethod.Get, "feed/fault");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await DemoShopServer.ReadJsonAsync(response);
        return body.RootElement.Clone();
    }

    private static async Task<JsonDocument> PutFeedFaultAsync(DemoShopServer shop, string json)
    {
        using var response = await shop.SendAsync(HttpMethod.Put, "feed/fault", json: json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await DemoShopServer.ReadJsonAsync(response);
    }

    // Two burr grinders (2 × 89.50) through the shop's checkout; returns the order id.
    private static async Task<string> PlaceOrderAsync(DemoShopServer shop)
    {
        var token = await shop.LoginAsync();
        var cartId = await shop.CreateCartAsync(token);
        using (var added = await shop.SendAsync(HttpMethod.Post, $"api/cart/{cartId}/items", token, """{"productId":"burr-grinder","quantity":2}"""))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        }

        using var checkout = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, $$"""{"cartId":"{{cartId}}"}""");
        Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
        using var order = await DemoShopServer.ReadJsonAsync(checkout);
        return order.RootElement.GetProperty("orderId").GetString()!;
    }

    private static List<JsonElement> Orders(JsonElement feed) => [.. feed.GetProperty("orders").EnumerateArray()];

    private static DateTimeOffset CreatedAt(JsonElement order) =>
        DateTimeOffset.Parse(order.GetProperty("createdAt").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
}
