using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Monitoring.Functions.Demo;
using Xunit;

namespace Monitoring.Functions.Tests.Demo;

/// <summary>The demo shop on real Kestrel at 127.0.0.1 on a free port, with a client whose base address is the shop's root.</summary>
internal sealed class DemoShopServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private DemoShopServer(WebApplication app, Uri root)
    {
        this.app = app;
        Client = new HttpClient { BaseAddress = root, Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>A client for the shop; relative URIs resolve under <c>/demo/</c>.</summary>
    public HttpClient Client { get; }

    /// <summary>Every endpoint the app mapped.</summary>
    public IEnumerable<Endpoint> Endpoints => ((IEndpointRouteBuilder)app).DataSources.SelectMany(source => source.Endpoints);

    /// <summary>Starts the shop; <paramref name="configure"/> runs before <c>AddDemoShop</c>, so it can replace the defaults.</summary>
    public static async Task<DemoShopServer> StartAsync(Action<IServiceCollection>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        configure?.Invoke(builder.Services);
        builder.Services.AddDemoShop();
        var app = builder.Build();
        app.MapDemoShop();
        app.Urls.Add("http://127.0.0.1:0");
        await app.StartAsync(TestContext.Current.CancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new DemoShopServer(app, new Uri(address.TrimEnd('/') + "/demo/"));
    }

    /// <summary>Logs in as the demo user and returns the token.</summary>
    public async Task<string> LoginAsync(string password = "demo-password")
    {
        using var response = await Client.PostAsJsonAsync("api/login", new { username = "demo", password }, TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        return body.RootElement.GetProperty("token").GetString()!;
    }

    /// <summary>Creates a cart for a token and returns its id.</summary>
    public async Task<string> CreateCartAsync(string token)
    {
        using var response = await SendAsync(HttpMethod.Post, "api/cart", token);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = await ReadJsonAsync(response);
        return body.RootElement.GetProperty("cartId").GetString()!;
    }

    /// <summary>Sends a request with an optional bearer token and an optional JSON body given as text.</summary>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? token = null, string? json = null)
    {
        using var request = new HttpRequestMessage(method, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await Client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>Injects a fault through the fault API and checks it was accepted.</summary>
    public async Task PutFaultAsync(string route, string json)
    {
        using var response = await SendAsync(HttpMethod.Put, $"faults/{route}", json: json);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>Parses a response body as JSON.</summary>
    public static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));

    /// <summary>Checks that a response is RFC 7807 problem details with the given status, and returns its body.</summary>
    public static async Task<JsonDocument> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await ReadJsonAsync(response);
        Assert.Equal((int)status, body.RootElement.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(body.RootElement.GetProperty("title").GetString()));
        return body;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await app.DisposeAsync();
    }
}
