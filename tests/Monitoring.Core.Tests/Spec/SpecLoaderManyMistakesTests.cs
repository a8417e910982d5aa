using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecLoaderManyMistakesTests
{
    [Fact]
    public void Load_ReportsEveryMistake_WhenSpecHasSeveral()
    {
        var result = Fixture.Load(Fixture.Read("many-mistakes.yaml"));

        Assert.Null(result.Spec);
        Assert.Collection(
            result.Errors,
            e => Expect(e, "checks[0] (homepage).request.timeout", "'5 seconds' is not a duration", 11),
            e => Expect(e, "checks[1] (checkout).steps[0] (add-to-cart).url", "variable 'cartId' is used before it is defined: step 'add-to-cart' extracts it later", 17),
            e => Expect(e, "checks[1] (checkout).steps[1] (pay).headers.Authorization", "environment variable 'SHOP_TOKEN' is not set", 24),
            e => Expect(e, "checks[1] (checkout).steps[1] (pay).retry", "unknown field 'retry'", 25),
            e => Expect(e, "checks[2] (homepage).name", "duplicate check name 'homepage': checks[0] (homepage) already uses it", 26));
    }

    [Fact]
    public void ErrorToString_NamesPathMessageAndLine_WhenLineIsKnown()
    {
        var result = Fixture.Load(Fixture.Read("many-mistakes.yaml"));

        Assert.Equal(
            "checks[0] (homepage).request.timeout: '5 seconds' is not a duration: use whole numbers with units (ms, s, m, h, d), e.g. 500ms, 30s or 1m30s (line 11)",
            result.Errors[0].ToString());
    }

    private static void Expect(Monitoring.Core.Spec.SpecError error, string path, string fragment, int line)
    {
        Assert.Equal(path, error.Path);
        Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        Assert.Equal(line, error.Line);
    }
}
