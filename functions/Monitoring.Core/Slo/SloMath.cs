namespace Monitoring.Core.Slo;

/// <summary>
/// The SLO arithmetic of the SRE Workbook, ch. 5. Every function answers null for an empty window:
/// with no events there is no ratio, and "no data" must never read as a burn or as a perfect score.
/// </summary>
public static class SloMath
{
    /// <summary>(bad / total) / error budget: 1 burns the budget exactly over the period, 14.4 burns 2% of a 30-day budget in an hour.</summary>
    /// <param name="counts">The window's events.</param>
    /// <param name="errorBudget">1 − objective, as a fraction (0.001 for 99.9%).</param>
    public static double? BurnRate(WindowCounts counts, double errorBudget)
    {
        GuardBudget(errorBudget);
        return counts.HasData ? (double)counts.Bad / counts.Total / errorBudget : null;
    }

    /// <summary>Good / total, in percent.</summary>
    public static double? Attainment(WindowCounts counts) =>
        counts.HasData ? 100.0 * counts.Good / counts.Total : null;

    /// <summary>
    /// The share of the error budget left, in percent: 100 with no bad events, 0 when bad events reach
    /// the budget, negative when the objective is missed.
    /// </summary>
    /// <param name="counts">The events of the whole SLO period.</param>
    /// <param name="errorBudget">1 − objective, as a fraction.</param>
    public static double? BudgetRemaining(WindowCounts counts, double errorBudget)
    {
        GuardBudget(errorBudget);
        return counts.HasData ? 100.0 * (1 - ((double)counts.Bad / counts.Total / errorBudget)) : null;
    }

    /// <summary>The burn-rate factor of a pair: budget consumed (%) × period hours / 100 / long-window hours.</summary>
    public static double Factor(double budgetConsumedPercent, TimeSpan period, TimeSpan longWindow)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(budgetConsumedPercent);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(period, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(longWindow, TimeSpan.Zero);
        return budgetConsumedPercent * period.TotalHours / 100 / longWindow.TotalHours;
    }

    private static void GuardBudget(double errorBudget)
    {
        if (!(errorBudget > 0 && errorBudget < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(errorBudget), errorBudget, "The error budget must be a fraction greater than 0 and less than 1.");
        }
    }
}
