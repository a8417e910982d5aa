using System.Globalization;
using Monitoring.Core.Ports;
using Monitoring.Core.Spec;

namespace Monitoring.Functions.Hosting;

/// <summary><c>validate &lt;file&gt;</c>: prints every error of a spec, or a one-line summary, and sets the exit code.</summary>
public static class ValidateCommand
{
    /// <summary>Exit code for a valid spec.</summary>
    public const int Valid = 0;

    /// <summary>Exit code for an invalid spec.</summary>
    public const int Invalid = 1;

    /// <summary>Exit code for a usage mistake.</summary>
    public const int Usage = 2;

    /// <summary>Runs the command.</summary>
    public static int Run(IReadOnlyList<string> arguments, IEnvironmentVariables environment, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (arguments.Count != 1)
        {
            error.WriteLine("Usage: validate <spec file>");
            return Usage;
        }

        var path = arguments[0];
        var result = SpecFile.Load(path, environment);
        if (result.IsValid)
        {
            var spec = result.Spec!;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{path}: valid. {Count(spec.Checks.Length, "check")} ({spec.Checks.Count(c => c.Enabled)} enabled), {Count(spec.DataChecks.Length, "data check")}, {Count(spec.Slos.Length, "SLO")}, {Count(spec.Services.Count, "service")}."));
            return Valid;
        }

        WriteErrors(error, path, result.Errors);
        return Invalid;
    }

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? string.Empty : "s")}");

    /// <summary>Writes a spec's errors, one per line, the way both <c>validate</c> and the app's start-up do.</summary>
    public static void WriteErrors(TextWriter writer, string path, IReadOnlyCollection<SpecError> errors)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(errors);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{path}: {errors.Count} error(s)"));
        foreach (var specError in errors)
        {
            writer.WriteLine("  " + specError);
        }
    }
}
