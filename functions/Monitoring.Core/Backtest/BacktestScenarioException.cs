namespace Monitoring.Core.Backtest;

/// <summary>A backtest scenario file that cannot be read; the message names the file and the field.</summary>
public sealed class BacktestScenarioException : Exception
{
    /// <summary>Creates the exception for <paramref name="file"/> and <paramref name="field"/>.</summary>
    public BacktestScenarioException(string file, string field, string problem)
        : base($"The backtest scenario is invalid. {file}: {field}: {problem}")
    {
        File = file;
        Field = field;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BacktestScenarioException()
        : this(string.Empty, string.Empty, "unknown problem")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public BacktestScenarioException(string message)
        : base(message)
    {
        File = string.Empty;
        Field = string.Empty;
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public BacktestScenarioException(string message, Exception innerException)
        : base(message, innerException)
    {
        File = string.Empty;
        Field = string.Empty;
    }

    /// <summary>The file (as the caller named it).</summary>
    public string File { get; }

    /// <summary>The field's path in the file, e.g. <c>incidents[1].errorRate</c>.</summary>
    public string Field { get; }
}
