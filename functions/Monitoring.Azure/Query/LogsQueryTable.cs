using System.Collections.Immutable;
using System.Text.Json;

namespace Monitoring.Azure.Query;

/// <summary>One table of a query's answer: typed columns and rows of JSON values.</summary>
/// <param name="Name">The table's name (<c>PrimaryResult</c> for the query's own result).</param>
/// <param name="Columns">The columns, with their Log Analytics types.</param>
/// <param name="Rows">The rows; each holds one value per column.</param>
public sealed record LogsQueryTable(string Name, ImmutableArray<LogsQueryColumn> Columns, ImmutableArray<ImmutableArray<JsonElement>> Rows)
{
    /// <summary>The position of <paramref name="column"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such column.</exception>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new KeyNotFoundException($"The query result has no column '{column}'. Columns: {string.Join(", ", Columns.Select(c => c.Name))}.");
    }
}

/// <summary>A result column.</summary>
/// <param name="Name">Its name.</param>
/// <param name="Type">Its Log Analytics type: string, long, int, real, bool, datetime, timespan, dynamic, guid.</param>
public sealed record LogsQueryColumn(string Name, string Type);
