using System.Globalization;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// <c>init --template &lt;name&gt; [path] [--force]</c>: writes a starter spec (default <c>monitoring.yaml</c> in the current
/// folder) and <c>init --list</c> lists the starters. It refuses to overwrite a file unless told <c>--force</c>.
/// </summary>
public static class InitCommand
{
    /// <summary>Exit code when the target file exists and <c>--force</c> was not given.</summary>
    public const int Exists = 1;

    private const string DefaultPath = "monitoring.yaml";

    private const string UsageText = "Usage: init --template <name> [path] [--force] | init --list";

    /// <summary>Runs the command; exit 0 when written or listed, 1 when the file exists, 2 on a usage mistake or an unknown template.</summary>
    /// <param name="arguments">The arguments after <c>init</c>.</param>
    /// <param name="output">Where the list and the confirmation are written.</param>
    /// <param name="error">Where mistakes are written.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);

        string? template = null;
        string? path = null;
        var force = false;
        var list = false;
        for (var i = 0; i < arguments.Count; i++)
        {
            switch (arguments[i])
            {
                case "--list":
                    list = true;
                    break;
                case "--force":
                    force = true;
                    break;
                case "--template" when i + 1 < arguments.Count && template is null:
                    template = arguments[++i];
                    break;
                case var argument when !argument.StartsWith("--", StringComparison.Ordinal) && path is null:
                    path = argument;
                    break;
                default:
                    await error.WriteLineAsync(UsageText);
                    return ValidateCommand.Usage;
            }
        }

        if (list && template is null && path is null && !force)
        {
            await WriteListAsync(output);
            return ValidateCommand.Valid;
        }

        if (list || template is null)
        {
            await error.WriteLineAsync(UsageText);
            return ValidateCommand.Usage;
        }

        if (StarterSpecs.Find(template) is not { } starter)
        {
            await error.WriteLineAsync($"There is no starter named '{template}'. The starters:");
            await WriteListAsync(error);
            return ValidateCommand.Usage;
        }

        var target = path ?? DefaultPath;
        if (File.Exists(target) && !force)
        {
            await error.WriteLineAsync($"{target} already exists; pass --force to overwrite it.");
            return Exists;
        }

        if (Path.GetDirectoryName(Path.GetFullPath(target)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }

        await File.WriteAllTextAsync(target, starter.ReadText());
        await output.WriteLineAsync($"Wrote the {starter.Name} starter to {target}. Check it with: validate {target}");
        return ValidateCommand.Valid;
    }

    private static async Task WriteListAsync(TextWriter writer)
    {
        var width = StarterSpecs.All.Max(s => s.Name.Length);
        foreach (var starter in StarterSpecs.All)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"  {starter.Name.PadRight(width)}  {starter.Description}"));
        }
    }
}
