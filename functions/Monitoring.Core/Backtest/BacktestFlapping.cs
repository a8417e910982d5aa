namespace Monitoring.Core.Backtest;

/// <summary>An incident that is bad for <paramref name="On"/>, healthy for <paramref name="Off"/>, and so on until it ends.</summary>
/// <param name="On">How long each bad phase lasts (at least one minute).</param>
/// <param name="Off">How long each healthy phase lasts (at least one minute).</param>
public sealed record BacktestFlapping(TimeSpan On, TimeSpan Off);
