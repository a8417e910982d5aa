namespace Monitoring.Core.Spec;

/// <summary>Chooses a <see cref="SpecFormat"/> for a spec file.</summary>
public static class SpecFormats
{
    /// <summary>Json for a <c>.json</c> file name (any case), Yaml for anything else.</summary>
    public static SpecFormat FromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? SpecFormat.Json : SpecFormat.Yaml;
    }
}
