using Monitoring.Functions.Invocation;

namespace Monitoring.Functions.Tests.Support;

/// <summary>Function catalogs made for a test.</summary>
internal static class TestCatalogs
{
    /// <summary>A catalog with one timer function.</summary>
    public static FunctionCatalog WithTimer(string name, string schedule)
    {
        var root = Directory.CreateTempSubdirectory("monitoring-catalog-");
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, name));
        File.WriteAllText(Path.Combine(folder.FullName, "function.json"),
            $$"""{"bindings":[{"name":"timer","type":"timerTrigger","direction":"in","schedule":"{{schedule}}"}]}""");
        var catalog = FunctionCatalog.Load(root.FullName);
        root.Delete(recursive: true);
        return catalog;
    }
}
