using System.Globalization;
using Monitoring.Functions.Alerting;
using Monitoring.Local.Sqlite;

namespace Monitoring.Functions.Hosting;

/// <summary><c>test-notify [spec]</c>: sends a test message through every route and prints how each delivery went.</summary>
public static class TestNotifyCommand
{
    /// <summary>Runs the command; exit 0 when every delivery succeeded, 1 otherwise, 2 on a usage mistake.</summary>
    public static async Task<int> RunAsync(IReadOnlyList<string> arguments, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        if (arguments.Count > 1)
        {
            await error.WriteLineAsync("Usage: test-notify [spec file]");
            return ValidateCommand.Usage;
        }

        var settings = new List<string> { "--Monitoring:Scheduler=false", "--Monitoring:Demo=false" };
        if (arguments.Count == 1)
        {
            settings.Add("--Monitoring:SpecPath=" + Path.GetFullPath(arguments[0]));
        }

        await using var app = MonitoringApp.Build([.. settings]);

        // The app is not started, so its store initializer has not run: open the store here so the test
        // deliveries land in the delivery log, and email channels find their budget there.
        await app.Services.GetRequiredService<SqliteDatabase>().InitializeAsync(CancellationToken.None);
        var records = await app.Services.GetRequiredService<TestNotifier>().SendAsync(CancellationToken.None);
        foreach (var record in records)
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{Outcome(record.Result)} route {record.Route} -> {record.Channel} ({record.Result.Attempts} attempt(s)){(record.Result.Error is null ? string.Empty : ": " + record.Result.Error)}"));
        }

        return records.All(r => r.Result.Delivered) ? 0 : 1;
    }

    // A held email is neither proven nor failed: the channel's hourly budget is spent and it goes in the next digest.
    private static string Outcome(Core.Notifications.DeliveryResult result) => result.Delivered ? "ok  " : result.Held ? "held" : "FAIL";
}
