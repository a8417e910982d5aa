using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Monitoring.Testing;

/// <summary>Self-signed certificates for loopback HTTPS servers.</summary>
public static class TestCertificates
{
    /// <summary>
    /// A self-signed certificate for 127.0.0.1 valid until <paramref name="notAfter"/> (whole seconds),
    /// with its private key usable by Kestrel.
    /// </summary>
    public static X509Certificate2 CreateSelfSigned(DateTimeOffset notAfter)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var created = request.CreateSelfSigned(notAfter.AddDays(-400), notAfter);

        // An ephemeral key cannot serve TLS on every platform; a PFX round trip gives Kestrel a usable one.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), password: null);
    }
}
