namespace Monitoring.Core.Results;

/// <summary>
/// Which CLR numbers a monitor-table column takes: every store reads a row's values through these, so an int column
/// accepts the same values whether the row goes to SQLite or to Log Analytics.
/// </summary>
public static class ColumnNumbers
{
    /// <summary>An integer of any CLR integral type as a <see cref="long"/>; null for anything else (or a <see cref="ulong"/> too large).</summary>
    public static long? AsWhole(object value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        sbyte sb => sb,
        ushort us => us,
        uint ui => ui,
        ulong ul when ul <= long.MaxValue => (long)ul,
        _ => null,
    };

    /// <summary>A floating-point, decimal or integral value as a <see cref="double"/>; null for anything else.</summary>
    public static double? AsReal(object value) => value switch
    {
        double d => d,
        float f => f,
        decimal m => (double)m,
        _ => AsWhole(value),
    };
}
