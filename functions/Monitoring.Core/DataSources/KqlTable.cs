using System.Collections.Immutable;

namespace Monitoring.Core.DataSources;

/// <summary>
/// The first table a KQL query answered, with typed values: <see cref="string"/>, <see cref="long"/> (int and long),
/// <see cref="double"/> (real and decimal), <see cref="bool"/>, <see cref="DateTimeOffset"/> (UTC),
/// <see cref="TimeSpan"/>, <see cref="Guid"/>, or the JSON text of a dynamic value; null for empty cells.
/// </summary>
/// <param name="Columns">The columns, with their KQL types.</param>
/// <param name="Rows">The rows; each holds one value per column.</param>
public sealed record KqlTable(ImmutableArray<KqlColumn> Columns, ImmutableArray<ImmutableArray<object?>> Rows)
{
    /// <summary>A table with no columns and no rows: what a query that found nothing answers.</summary>
    public static KqlTable Empty { get; } = new([], []);

    /// <summary>The value of <paramref name="column"/> in the first row, or null when there is no row or no such column.</summary>
    public object? FirstValue(string column)
    {
        ArgumentNullException.ThrowIfNull(column);
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return Rows.IsEmpty ? null : Rows[0][i];
            }
        }

        return null;
    }
}

/// <summary>A column of a <see cref="KqlTable"/>.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its KQL type: string, long, int, real, decimal, bool, datetime, timespan, guid or dynamic.</param>
public sealed record KqlColumn(string Name, string Type);
