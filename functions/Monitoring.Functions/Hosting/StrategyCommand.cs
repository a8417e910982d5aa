using Monitoring.Core.Ports;
using Monitoring.Core.Strategy;

namespace Monitoring.Functions.Hosting;

/// <summary><c>strategy [spec] [--output file]</c>: renders the monitoring-strategy document of a spec, to stdout or a file.</summary>
public static class StrategyCommand
{
    /// <summary>The spec read when the command names none.</summary>
    public const string DefaultSpec = "monitoring.yaml";

    /// <summary>Runs the command; exit 0 when rendered, 1 for an invalid spec (as <c>validate</c>), 2 on a usage mistake.</summary>
    public static int Run(IReadOnlyList<string> arguments, IEnvironmentVariables environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        string? path = null;
        string? file = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            if (string.Equals(arguments[i], "--output", StringComparison.Ordinal) && i + 1 < arguments.Count && file is null)
            {
                file = arguments[++i];
            }
            else if (path is null && !arguments[i].StartsWith("--", StringComparison.Ordinal))
            {
                path = arguments[i];
            }
            else
            {
                error.WriteLine("Usage: strategy [spec file] [--output file]");
                return ValidateCommand.Usage;
            }
        }

        path ??= DefaultSpec;
        var result = SpecFile.Load(path, environment);
        if (!result.IsValid)
        {
            ValidateCommand.WriteErrors(error, path, result.Errors);
            return ValidateCommand.Invalid;
        }

        var document = StrategyDocument.Render(result.Spec!, new StrategyOptions(Path.GetFileName(path)));
        if (file is null)
        {
            output.Write(document);
        }
        else
        {
            File.WriteAllText(file, document);
            output.WriteLine($"Wrote the monitoring strategy of {path} to {file}.");
        }

        return ValidateCommand.Valid;
    }
}
