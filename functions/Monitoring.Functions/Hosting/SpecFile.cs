using System.Collections.Immutable;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Hosting;

/// <summary>Reads a spec file from disk and hands its text to the loader.</summary>
public static class SpecFile
{
    /// <summary>Loads <paramref name="path"/>; a missing or unreadable file is reported as an error, not thrown.</summary>
    public static SpecLoadResult Load(string path, IEnvironmentVariables environment)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return new SpecLoadResult(null, ImmutableArray.Create(new SpecError("(file)", $"cannot read the spec file: {exception.Message}", null, null)));
        }

        return SpecLoader.Load(text, SpecFormats.FromFileName(path), environment);
    }
}
