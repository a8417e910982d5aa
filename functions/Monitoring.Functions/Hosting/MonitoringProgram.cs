namespace Monitoring.Functions.Hosting;

/// <summary>The entry point: the <c>validate</c> command, or the app.</summary>
public static class MonitoringProgram
{
    /// <summary>Runs a command or the app; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && string.Equals(args[0], "validate", StringComparison.OrdinalIgnoreCase))
        {
            return ValidateCommand.Run(args[1..], new ProcessEnvironmentVariables(), Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "strategy", StringComparison.OrdinalIgnoreCase))
        {
            return StrategyCommand.Run(args[1..], new ProcessEnvironmentVariables(), Console.Out, Console.Error);
        }

        if (args.Length > 0 && string.Equals(args[0], "backtest", StringComparison.OrdinalIgnoreCase))
        {
            return await BacktestCommand.RunAsync(args[1..], Console.Out, Console.Error, CancellationToken.None);
        }

        if (args.Length > 0 && string.Equals(args[0], "test-notify", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return await TestNotifyCommand.RunAsync(args[1..], Console.Out, Console.Error);
            }
            catch (InvalidSpecException invalid)
            {
                ValidateCommand.WriteErrors(Console.Error, invalid.Path, invalid.Errors);
                return ValidateCommand.Invalid;
            }
        }

        if (args.Length > 0 && string.Equals(args[0], "accept-schema", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return await AcceptSchemaCommand.RunAsync(args[1..], Console.Out, Console.Error);
            }
            catch (InvalidSpecException invalid)
            {
                ValidateCommand.WriteErrors(Console.Error, invalid.Path, invalid.Errors);
                return ValidateCommand.Invalid;
            }
        }

        if (args.Length > 0 && string.Equals(args[0], "init", StringComparison.OrdinalIgnoreCase))
        {
            return await InitCommand.RunAsync(args[1..], Console.Out, Console.Error);
        }

        WebApplication app;
        try
        {
            app = MonitoringApp.Build(args);
        }
        catch (InvalidSpecException invalid)
        {
            await Console.Error.WriteLineAsync("The app cannot start because its spec is invalid.");
            ValidateCommand.WriteErrors(Console.Error, invalid.Path, invalid.Errors);
            return ValidateCommand.Invalid;
        }

        await app.RunAsync();
        return 0;
    }
}
