using Xunit;
using Monitoring.Core.Spec;

namespace Monitoring.Core.Tests.Spec;

/// <summary>Reads the spec fixtures copied next to the test assembly, and mutates them for error cases.</summary>
internal static class Fixture
{
    public static string Read(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Spec", "Fixtures", name));

    public static string GoodYaml => Read("good.yaml");

    public static SpecLoadResult Load(string yaml) => SpecLoader.Load(yaml, SpecFormat.Yaml, TestEnvironment.ForGoodFixture);

    public static MonitoringSpec LoadGood()
    {
        var result = Load(GoodYaml);
        Assert.True(result.IsValid, string.Join(Environment.NewLine, result.Errors));
        return result.Spec!;
    }

    /// <summary>The good fixture with <paramref name="find"/> (which must occur exactly once) replaced.</summary>
    public static string Mutate(string find, string replace)
    {
        var good = GoodYaml;
        var first = good.IndexOf(find, StringComparison.Ordinal);
        Assert.True(first >= 0, $"The fixture does not contain '{find}'.");
        Assert.True(good.IndexOf(find, first + 1, StringComparison.Ordinal) < 0, $"The fixture contains '{find}' more than once.");
        return string.Concat(good.AsSpan(0, first), replace, good.AsSpan(first + find.Length));
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="marker"/>.</summary>
    public static int LineOf(string text, string marker)
    {
        var at = text.IndexOf(marker, StringComparison.Ordinal);
        Assert.True(at >= 0, $"The text does not contain '{marker}'.");
        return text.AsSpan(0, at).Count('\n') + 1;
    }
}
