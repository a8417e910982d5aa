using Xunit;
using System.Text;
using Monitoring.Functions.Tests.Support;

namespace Monitoring.Functions.Tests.EndToEnd;

/// <summary>A secret given through ${env:...} appears in no log line, stored result or API answer.</summary>
public sealed class SecretHygieneTests
{
    // A check that puts the secret where failures report it: in the URL of a request that fails,
    // and in a body the target echoes into its error.
    private const string LeakyChecks = """

          - name: leaky-url
            service: shop
            steps:
              - name: secret-in-path
                url: "{{baseUrl}}/api/products/${env:SHOP_PASSWORD}"
                assertions:
                  - { body: { contains: "this text is not there" } }
          - name: leaky-header
            service: shop
            steps:
              - name: secret-in-header
                url: "{{baseUrl}}/api/products"
                headers: { X-Api-Key: "${env:SHOP_PASSWORD}" }
                assertions:
                  - { header: X-Not-There, equals: "${env:SHOP_PASSWORD}" }
        """;

    [Fact]
    public async Task Secret_AppearsInNoLogStoredResultOrApiAnswer_WhenChecksPassAndFail()
    {
        // The leaky checks go at the end of the checks list, just before the sample's data checks.
        var spec = await TestApp.WriteSpecAsync(sample =>
        {
            var slos = sample.IndexOf("\n\n# Data checks", StringComparison.Ordinal);
            Assert.True(slos > 0, "The sample spec has no data-check section comment.");
            return string.Concat(sample.AsSpan(0, slos), LeakyChecks, sample.AsSpan(slos));
        });
        await using var app = await TestApp.StartAsync(spec);
        await DemoJourneyTests.SetFaultAsync(app, "login", """{"errorRate":1,"statusCode":503}""");

        var answers = new StringBuilder();
        using (var cycle = await app.Client.PostAsync("/SyntheticChecks", new StringContent("""{"Data":{},"Metadata":{}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            answers.Append(await cycle.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        using (var dataCycle = await app.Client.PostAsync("/DataChecks", new StringContent("""{"Data":{},"Metadata":{}}""", Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken))
        {
            answers.Append(await dataCycle.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        var status = await DemoJourneyTests.GetStatusAsync(app);
        Assert.Equal("Failed", DemoJourneyTests.Check(status, "leaky-url")["lastOutcome"]?.GetValue<string>());
        Assert.Equal("Failed", DemoJourneyTests.Check(status, "leaky-header")["lastOutcome"]?.GetValue<string>());
        Assert.Equal("Failed", DemoJourneyTests.Check(status, "login")["lastOutcome"]?.GetValue<string>());

        foreach (var check in status["checks"]!.AsArray().Select(c => (string)c!["name"]!))
        {
            answers.Append(await app.Client.GetStringAsync($"/api/checks/{check}/runs", TestContext.Current.CancellationToken));
            using var run = await app.Client.PostAsync($"/api/checks/{check}/run", null, TestContext.Current.CancellationToken);
            answers.Append(await run.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        }

        answers.Append(await app.Client.GetStringAsync("/api/status?runs=100", TestContext.Current.CancellationToken));
        answers.Append(await app.Client.GetStringAsync("/", TestContext.Current.CancellationToken));
        answers.Append(await app.Client.GetStringAsync("/api/health", TestContext.Current.CancellationToken));

        var logs = app.AllLogText();
        var messages = status["checks"]!.AsArray().Select(c => (string?)c!["message"]).OfType<string>().ToList();
        Assert.Contains(messages, m => m.Contains("***", StringComparison.Ordinal));

        Assert.DoesNotContain(TestApp.Secret, answers.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(TestApp.Secret, logs, StringComparison.Ordinal);
        Assert.DoesNotContain(Uri.EscapeDataString(TestApp.Secret), answers.ToString(), StringComparison.Ordinal);
        await app.App.StopAsync(TestContext.Current.CancellationToken);
        foreach (var file in new[] { app.DatabasePath, app.DatabasePath + "-wal" }.Where(File.Exists))
        {
            var bytes = await File.ReadAllBytesAsync(file, TestContext.Current.CancellationToken);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(TestApp.Secret)));
        }

        Assert.True(new FileInfo(app.DatabasePath).Length > 0);
    }
}
