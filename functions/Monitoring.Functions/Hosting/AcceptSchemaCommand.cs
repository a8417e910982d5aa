using System.Globalization;
using Monitoring.Functions.DataChecks;
using Monitoring.Local.Sqlite;

namespace Monitoring.Functions.Hosting;

/// <summary>
/// <c>accept-schema &lt;data check&gt; [spec]</c>: makes the schema a data check saw last its accepted baseline, in the
/// embedded store, so a deliberate schema change stops counting as drift. In Azure the API does the same:
/// <c>POST /api/data-checks/{name}/schema/accept</c>.
/// </summary>
public static class AcceptSchemaCommand
{
    /// <summary>Runs the command; exit 0 when accepted, 1 when there is nothing to accept, 2 on a usage mistake.</summary>
    /// <param name="arguments">The data check's name, then optionally the spec file.</param>
    /// <param name="output">Where the accepted schema is written.</param>
    /// <param name="error">Where mistakes are written.</param>
    /// <param name="settings">Further configuration, as <c>--Key=value</c> (the store's path, say); the environment's apply too.</param>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error, IReadOnlyList<string>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (arguments.Count is < 1 or > 2)
        {
            await error.WriteLineAsync("Usage: accept-schema <data check> [spec file]");
            return ValidateCommand.Usage;
        }

        var configuration = new List<string> { "--Monitoring:Scheduler=false", "--Monitoring:Demo=false" };
        if (arguments.Count == 2)
        {
            configuration.Add("--Monitoring:SpecPath=" + Path.GetFullPath(arguments[1]));
        }

        await using var app = MonitoringApp.Build([.. configuration, .. settings ?? []]);
        var name = arguments[0];
        var check = app.Services.GetRequiredService<SpecProvider>().Spec.FindDataCheck(name);
        if (check?.Rules.Schema is null)
        {
            await error.WriteLineAsync(check is null ? $"The spec has no data check named '{name}'." : $"The data check '{name}' has no schema rule.");
            return ValidateCommand.Usage;
        }

        // The app is not started, so its store initializer has not run.
        await app.Services.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);
        var accepted = await app.Services.GetRequiredService<SchemaBaselines>().AcceptObservedAsync(name, CancellationToken.None);
        if (accepted.IsDefault)
        {
            await error.WriteLineAsync($"The data check '{name}' has not read a schema yet: nothing to accept.");
            return 1;
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Accepted the schema of {name} ({accepted.Length} columns): {string.Join(", ", accepted.Select(c => $"{c.Name} {c.Type}"))}."));
        return 0;
    }
}
