using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Monitoring.Functions.Tests.Demo;

public sealed class DemoShopJourneyTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Journey_PlacesAnOrderForTheCartTotal_WhenTheDemoUserChecksOut()
    {
        await using var shop = await DemoShopServer.StartAsync();
        var token = await shop.LoginAsync();
        var cartId = await shop.CreateCartAsync(token);

        using (var added = await shop.SendAsync(HttpMethod.Post, $"api/cart/{cartId}/items", token, """{"productId":"burr-grinder","quantity":2}"""))
        {
            Assert.Equal(HttpStatusCode.OK, added.StatusCode);
            using var cart = await DemoShopServer.ReadJsonAsync(added);
            var item = cart.RootElement.GetProperty("items")[0];
            Assert.Equal("burr-grinder", item.GetProperty("productId").GetString());
            Assert.Equal(2, item.GetProperty("quantity").GetInt32());
            Assert.Equal(89.50m, item.GetProperty("price").GetDecimal());
            Assert.Equal(179.00m, cart.RootElement.GetProperty("total").GetDecimal());
        }

        // Adding the same product again merges into its line rather than adding a second one.
        using (await shop.SendAsync(HttpMethod.Post, $"api/cart/{cartId}/items", token, """{"productId":"burr-grinder"}""")) { }
        using (var read = await shop.SendAsync(HttpMethod.Get, $"api/cart/{cartId}", token))
        {
            using var cart = await DemoShopServer.ReadJsonAsync(read);
            Assert.Equal(1, cart.RootElement.GetProperty("items").GetArrayLength());
            Assert.Equal(268.50m, cart.RootElement.GetProperty("total").GetDecimal());
        }

        using (var checkout = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, $$"""{"cartId":"{{cartId}}"}"""))
        {
            Assert.Equal(HttpStatusCode.Created, checkout.StatusCode);
            using var order = await DemoShopServer.ReadJsonAsync(checkout);
            Assert.StartsWith("order-", order.RootElement.GetProperty("orderId").GetString(), StringComparison.Ordinal);
            Assert.Equal(268.50m, order.RootElement.GetProperty("total").GetDecimal());
        }

        // An ordered cart is gone, so the same order cannot be placed twice.
        using (var again = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, $$"""{"cartId":"{{cartId}}"}"""))
        {
            await DemoShopServer.AssertProblemAsync(again, HttpStatusCode.NotFound);
        }

        using (var logout = await shop.SendAsync(HttpMethod.Post, "api/logout", token))
        {
            Assert.Equal(HttpStatusCode.NoContent, logout.StatusCode);
        }

        using var afterLogout = await shop.SendAsync(HttpMethod.Post, "api/cart", token);
        await DemoShopServer.AssertProblemAsync(afterLogout, HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("/demo")]
    [InlineData("/demo/")]
    public async Task Homepage_ShowsTheShopAndLinksEveryProduct_WhenRequested(string path)
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.Client.GetAsync(new Uri(path, UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.Contains("ShopFlow", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/demo/products/espresso-machine\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Products_ListsSixProductsWhoseDetailsMatch_WhenRequested()
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var list = await shop.Client.GetAsync(new Uri("api/products", UriKind.Relative), Cancellation);
        using var products = await DemoShopServer.ReadJsonAsync(list);

        Assert.Equal(6, products.RootElement.GetArrayLength());
        foreach (var product in products.RootElement.EnumerateArray())
        {
            var id = product.GetProperty("id").GetString()!;
            using var detail = await shop.Client.GetAsync(new Uri($"api/products/{id}", UriKind.Relative), Cancellation);
            using var detailJson = await DemoShopServer.ReadJsonAsync(detail);
            Assert.Equal(product.GetProperty("name").GetString(), detailJson.RootElement.GetProperty("name").GetString());
            Assert.True(detailJson.RootElement.GetProperty("price").GetDecimal() > 0);

            var page = await shop.Client.GetStringAsync(new Uri($"products/{id}", UriKind.Relative), Cancellation);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(product.GetProperty("name").GetString()!), page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ProductApi_Answers404ProblemDetails_WhenTheProductIsUnknown()
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.Client.GetAsync(new Uri("api/products/no-such-thing", UriKind.Relative), Cancellation);

        using var problem = await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Contains("no-such-thing", problem.RootElement.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProductPage_Answers404_WhenTheProductIsUnknown()
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.Client.GetAsync(new Uri("products/no-such-thing", UriKind.Relative), Cancellation);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("demo-password")]
    [InlineData("anything at all")]
    [InlineData("p@ss\"word")]
    public async Task Login_AcceptsAnyPasswordWithoutEchoingIt_WhenTheUserIsDemo(string password)
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.Client.PostAsJsonAsync("api/login", new { username = "demo", password }, Cancellation);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync(Cancellation);
        Assert.DoesNotContain("word", body, StringComparison.Ordinal);
        Assert.DoesNotContain("anything", body, StringComparison.Ordinal);
        using var json = await DemoShopServer.ReadJsonAsync(response);
        Assert.Equal(64, json.RootElement.GetProperty("token").GetString()!.Length);
    }

    [Theory]
    // A user other than demo is refused.
    [InlineData("""{"username":"mallory","password":"secret-password"}""", HttpStatusCode.Unauthorized)]
    [InlineData("""{"username":"Demo","password":"secret-password"}""", HttpStatusCode.Unauthorized)]
    // Missing or empty fields are malformed requests, not wrong credentials.
    [InlineData("""{"username":"demo","password":""}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"username":"demo"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"password":"secret-password"}""", HttpStatusCode.BadRequest)]
    [InlineData("""{"username":"demo","password":"secret-password""", HttpStatusCode.BadRequest)]
    [InlineData("null", HttpStatusCode.BadRequest)]
    public async Task Login_AnswersProblemDetailsWithoutThePassword_WhenRefused(string json, HttpStatusCode status)
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var response = await shop.SendAsync(HttpMethod.Post, "api/login", json: json);

        using var problem = await DemoShopServer.AssertProblemAsync(response, status);
        Assert.DoesNotContain("secret-password", problem.RootElement.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("mallory", problem.RootElement.GetRawText(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("not-a-token")]
    public async Task CartAndCheckout_Answer401_WhenTheTokenIsMissingOrUnknown(string? token)
    {
        await using var shop = await DemoShopServer.StartAsync();

        using var create = await shop.SendAsync(HttpMethod.Post, "api/cart", token);
        using var checkout = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, """{"cartId":"x"}""");
        using var logout = await shop.SendAsync(HttpMethod.Post, "api/logout", token);

        await DemoShopServer.AssertProblemAsync(create, HttpStatusCode.Unauthorized);
        await DemoShopServer.AssertProblemAsync(checkout, HttpStatusCode.Unauthorized);
        await DemoShopServer.AssertProblemAsync(logout, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Token_IsRefused_WhenItsLifetimeHasPassed()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2025, 3, 14, 9, 0, 0, TimeSpan.Zero));
        await using var shop = await DemoShopServer.StartAsync(services => services.AddSingleton<TimeProvider>(time));
        var token = await shop.LoginAsync();

        time.Advance(TimeSpan.FromMinutes(29));
        using (var stillValid = await shop.SendAsync(HttpMethod.Post, "api/cart", token))
        {
            Assert.Equal(HttpStatusCode.Created, stillValid.StatusCode);
        }

        time.Advance(TimeSpan.FromMinutes(1));
        using var expired = await shop.SendAsync(HttpMethod.Post, "api/cart", token);
        await DemoShopServer.AssertProblemAsync(expired, HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Checkout_Answers400_WhenTheCartIsEmpty()
    {
        await using var shop = await DemoShopServer.StartAsync();
        var token = await shop.LoginAsync();
        var cartId = await shop.CreateCartAsync(token);

        using var response = await shop.SendAsync(HttpMethod.Post, "api/checkout", token, $$"""{"cartId":"{{cartId}}"}""");

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Cart_IsNotFound_WhenAnotherSessionAsksForIt()
    {
        await using var shop = await DemoShopServer.StartAsync();
        var owner = await shop.LoginAsync();
        var other = await shop.LoginAsync();
        var cartId = await shop.CreateCartAsync(owner);

        using var response = await shop.SendAsync(HttpMethod.Get, $"api/cart/{cartId}", other);

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("""{"productId":"no-such-thing","quantity":1}""")]
    [InlineData("""{"quantity":1}""")]
    [InlineData("""{"productId":"burr-grinder","quantity":0}""")]
    [InlineData("""{"productId":"burr-grinder","quantity":100}""")]
    [InlineData("""{"productId":"burr-grinder","quantity":"many"}""")]
    public async Task AddItem_Answers400AndLeavesTheCartEmpty_WhenTheItemIsInvalid(string json)
    {
        await using var shop = await DemoShopServer.StartAsync();
        var token = await shop.LoginAsync();
        var cartId = await shop.CreateCartAsync(token);

        using var response = await shop.SendAsync(HttpMethod.Post, $"api/cart/{cartId}/items", token, json);

        await DemoShopServer.AssertProblemAsync(response, HttpStatusCode.BadRequest);
        using var read = await shop.SendAsync(HttpMethod.Get, $"api/cart/{cartId}", token);
        using var cart = await DemoShopServer.ReadJsonAsync(read);
        Assert.Equal(0, cart.RootElement.GetProperty("items").GetArrayLength());
    }
}
