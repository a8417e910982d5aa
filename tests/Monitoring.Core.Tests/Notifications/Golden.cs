using System.Runtime.CompilerServices;
using Xunit;

namespace Monitoring.Core.Tests.Notifications;

/// <summary>
/// Compares generated text with a checked-in golden file. To accept a deliberate change, run the
/// tests with <c>UPDATE_GOLDEN=1</c> and review the diff of the Golden folder.
/// </summary>
internal static class Golden
{
    public static void AssertMatches(string name, string actual, [CallerFilePath] string callerPath = "")
    {
        var path = Path.Combine(Path.GetDirectoryName(callerPath)!, "Golden", name);
        actual = actual.ReplaceLineEndings("\n");
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual);
        }

        Assert.True(File.Exists(path), $"The golden file {name} is missing; run with UPDATE_GOLDEN=1 to create it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), actual);
    }
}
