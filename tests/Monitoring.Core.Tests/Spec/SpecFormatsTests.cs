using Monitoring.Core.Spec;
using Xunit;

namespace Monitoring.Core.Tests.Spec;

public sealed class SpecFormatsTests
{
    [Theory]
    [InlineData("monitoring.json", SpecFormat.Json)]
    [InlineData("MONITORING.JSON", SpecFormat.Json)]
    [InlineData("monitoring.yaml", SpecFormat.Yaml)]
    [InlineData("monitoring.yml", SpecFormat.Yaml)]
    [InlineData("monitoring", SpecFormat.Yaml)]
    [InlineData("json", SpecFormat.Yaml)]
    public void FromFileName_ChoosesFormat_ByExtension(string fileName, SpecFormat expected)
    {
        Assert.Equal(expected, SpecFormats.FromFileName(fileName));
    }
}
