namespace Monitoring.Testing;

/// <summary>Where the npm-installed test tooling lives (Azurite, the KQL parser): tests/tooling, found above the test binaries.</summary>
public static class TestTooling
{
    /// <summary>The tests/tooling folder of this checkout.</summary>
    public static string Directory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "tooling");
            if (File.Exists(Path.Combine(candidate, "package.json")))
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("tests/tooling was not found above " + AppContext.BaseDirectory);
    }
}
