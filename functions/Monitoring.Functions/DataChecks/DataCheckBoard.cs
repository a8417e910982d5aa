using System.Collections.Concurrent;
using Monitoring.Core.DataChecks;

namespace Monitoring.Functions.DataChecks;

/// <summary>The latest evaluation of every data check (or why it cannot be evaluated here), in memory for the API; the table keeps the history.</summary>
public sealed class DataCheckBoard
{
    private readonly ConcurrentDictionary<string, DataCheckEvaluation> latest = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> notEvaluable = new(StringComparer.Ordinal);

    /// <summary>Keeps <paramref name="evaluation"/> as its check's latest.</summary>
    public void Publish(DataCheckEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        latest[evaluation.CheckName] = evaluation;
        notEvaluable.TryRemove(evaluation.CheckName, out _);
    }

    /// <summary>Records that <paramref name="checkName"/> cannot be evaluated by this app, and why.</summary>
    public void PublishNotEvaluable(string checkName, string reason) => notEvaluable[checkName] = reason;

    /// <summary>The latest evaluation of <paramref name="checkName"/>, or null.</summary>
    public DataCheckEvaluation? Latest(string checkName) => latest.GetValueOrDefault(checkName);

    /// <summary>Why <paramref name="checkName"/> is not evaluated here, or null.</summary>
    public string? NotEvaluableReason(string checkName) => notEvaluable.GetValueOrDefault(checkName);
}
