using System.Text.RegularExpressions;
using Monitoring.Core.Alerting;
using Monitoring.Infra.Tests.Support;
using Monitoring.Testing;
using Xunit;

namespace Monitoring.Infra.Tests.Docs;

/// <summary>
/// The runbooks' KQL is what on-call engineers paste into Log Analytics in the middle of an incident, so every
/// <c>```kusto</c> (or <c>```kql</c>) block in <c>docs/runbooks/*.md</c> must pass the official parser against the
/// tables the product deploys and reads.
/// </summary>
public sealed partial class RunbookQueryTests
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task EveryKqlBlockInTheRunbooks_ParsesWithoutErrors()
    {
        var blocks = Directory.GetFiles(RunbookFolder(), "*.md")
            .Order(StringComparer.Ordinal)
            .SelectMany(file => KqlBlocks(File.ReadAllText(file)).Select((query, i) => (Where: $"{Path.GetFileName(file)} block {i + 1}", Query: query)))
            .ToList();

        var diagnostics = await KqlParser.CheckAsync([.. blocks.Select(b => b.Query)], Cancellation);

        var errors = blocks.Zip(diagnostics)
            .Where(pair => pair.Second.Count > 0)
            .Select(pair => $"{pair.First.Where}: {string.Join("; ", pair.Second.Select(d => $"{d.Code} {d.Message} at {d.Start}"))}\n{pair.First.Query}")
            .ToList();
        Assert.True(errors.Count == 0, string.Join("\n\n", errors));
    }

    [Fact]
    public void EveryAlertRunbook_HasTriageQueriesMitigationAndEscalation()
    {
        foreach (var file in Runbooks.All.Where(f => f != Runbooks.OnCall))
        {
            var text = File.ReadAllText(Path.Combine(RunbookFolder(), file));

            Assert.StartsWith("# ", text, StringComparison.Ordinal);
            Assert.Contains("**Alert**", text, StringComparison.Ordinal);
            Assert.Contains("## Triage", text, StringComparison.Ordinal);
            Assert.Contains("## Queries", text, StringComparison.Ordinal);
            Assert.Matches("## Mitigation", text);
            Assert.Contains("## Escalation", text, StringComparison.Ordinal);
            Assert.True(KqlBlocks(text).Count >= 2, $"{file} has fewer than two KQL queries.");
            Assert.Contains("(on-call.md)", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheOnCallGuide_HasTheRotationTheEscalationLevelsAndTheResponseTimesOfEachSeverity()
    {
        var text = File.ReadAllText(Path.Combine(RunbookFolder(), Runbooks.OnCall));

        Assert.Contains("## Rotation", text, StringComparison.Ordinal);
        Assert.Contains("## Escalation policy", text, StringComparison.Ordinal);
        Assert.Contains("## Communication", text, StringComparison.Ordinal);
        Assert.Matches(@"\| `critical` \| Sev1 \|.*\*\*15 minutes\*\*", text);
        Assert.Matches(@"\| `warning` \| Sev2 \|.*\*\*4 business hours\*\*", text);
        Assert.Matches(@"\| `info` \| Sev3 \|.*No response expected", text);
        Assert.Matches(@"\| 1 \| Primary on-call", text);
        Assert.Matches(@"\| 2 \| Secondary on-call", text);
        Assert.Matches(@"\| 3 \| Engineering manager", text);
    }

    [Fact]
    public void RunbookLinks_PointAtRunbooksThatExist()
    {
        foreach (var file in Directory.GetFiles(RunbookFolder(), "*.md"))
        {
            foreach (Match link in LocalLink().Matches(File.ReadAllText(file)))
            {
                Assert.True(File.Exists(Path.Combine(RunbookFolder(), link.Groups["file"].Value)), $"{Path.GetFileName(file)} links to {link.Groups["file"].Value}, which does not exist.");
            }
        }
    }

    /// <summary>The fenced <c>kusto</c> and <c>kql</c> blocks of a markdown text, in order.</summary>
    internal static IReadOnlyList<string> KqlBlocks(string markdown) =>
        [.. KqlFence().Matches(markdown.ReplaceLineEndings("\n")).Select(m => m.Groups["query"].Value)];

    private static string RunbookFolder() => Path.Combine(BicepCli.RepositoryRoot(), "docs", "runbooks");

    [GeneratedRegex(@"^```(?:kusto|kql)[ \t]*\n(?<query>.*?)\n```[ \t]*$", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex KqlFence();

    [GeneratedRegex(@"\]\((?<file>[a-z0-9-]+\.md)\)")]
    private static partial Regex LocalLink();
}
