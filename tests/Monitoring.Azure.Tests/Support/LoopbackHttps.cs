using System.Net;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Monitoring.Azure.Tests.Support;

/// <summary>What every local HTTPS fake of an Azure API shares: Kestrel on loopback with a test-made certificate, and a client transport that trusts exactly that certificate.</summary>
internal static class LoopbackHttps
{
    /// <summary>Starts a server on a free loopback port; <paramref name="map"/> adds the fake's endpoints.</summary>
    public static async Task<(WebApplication App, Uri Endpoint)> StartAsync(X509Certificate2 certificate, Action<WebApplication> map)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        map(app);
        await app.StartAsync(Xunit.TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return (app, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    /// <summary>An Azure.Core transport that accepts only <paramref name="certificate"/>, so clients reach the fake over real TLS.</summary>
    public static HttpClientTransport TrustingTransport(X509Certificate2 certificate)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, _) =>
            presented is not null && presented.GetCertHashString() == certificate.GetCertHashString();
        return new HttpClientTransport(handler);
    }
}
