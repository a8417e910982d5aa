namespace Monitoring.Core.Slo;

/// <summary>A multiwindow burn-rate alert: it fires when both windows burn the budget faster than <paramref name="Factor"/>.</summary>
/// <param name="Severity">Page or ticket.</param>
/// <param name="LongWindow">The window that proves the burn is significant.</param>
/// <param name="ShortWindow">The window that proves the burn is still happening, so the alert resets soon after it stops.</param>
/// <param name="Factor">The burn rate both windows must exceed.</param>
public sealed record BurnRateWindowPair(BurnRateSeverity Severity, TimeSpan LongWindow, TimeSpan ShortWindow, double Factor);
