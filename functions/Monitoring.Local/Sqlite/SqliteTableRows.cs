using System.Collections.Immutable;
using Microsoft.Data.Sqlite;
using Monitoring.Core.Results;

namespace Monitoring.Local.Sqlite;

/// <summary>Validates rows for writing and rebuilds <see cref="TableRow"/> values from query results.</summary>
internal static class SqliteTableRows
{
    /// <summary>
    /// The monitor table all <paramref name="rows"/> belong to, with every value converted for storage.
    /// Throws <see cref="ArgumentException"/> for a null row, a table that is not a monitor table, rows of
    /// more than one table, or a value that does not fit its column.
    /// </summary>
    public static (TableDefinition Table, object[][] Values) ToStorage(IReadOnlyList<TableRow> rows)
    {
        var table = MonitorTable(rows[0]?.Table ?? throw NullRow(0, nameof(rows)), nameof(rows));
        var values = new object[rows.Count][];
        for (var r = 0; r < rows.Count; r++)
        {
            var row = rows[r] ?? throw NullRow(r, nameof(rows));
            if (!ReferenceEquals(row.Table, table) && !string.Equals(row.Table.Name, table.Name, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"All rows of a batch must belong to one table. Row 0 is a {table.Name} row; row {r} is a {row.Table.Name} row.",
                    nameof(rows));
            }

            var stored = new object[table.Columns.Length];
            for (var c = 0; c < stored.Length; c++)
            {
                stored[c] = SqliteColumnValues.ToStorage(table, table.Columns[c], row.Values[c]);
            }

            values[r] = stored;
        }

        return (table, values);
    }

    /// <summary>The current row of <paramref name="reader"/>, whose first columns are <paramref name="table"/>'s columns in order.</summary>
    public static TableRow Read(SqliteDataReader reader, TableDefinition table)
    {
        var values = ImmutableArray.CreateBuilder<object?>(table.Columns.Length);
        for (var c = 0; c < table.Columns.Length; c++)
        {
            values.Add(SqliteColumnValues.FromStorage(reader, c, table.Columns[c].Type));
        }

        return new TableRow(table, values.MoveToImmutable());
    }

    private static TableDefinition MonitorTable(TableDefinition table, string paramName)
    {
        var known = MonitorTables.All.FirstOrDefault(t => string.Equals(t.Name, table.Name, StringComparison.Ordinal))
            ?? throw new ArgumentException(
                $"Rows must belong to a monitor table. {table.Name} is not one of {string.Join(", ", MonitorTables.All.Select(t => t.Name))}.",
                paramName);
        if (!known.Columns.Select(c => c.Name).SequenceEqual(table.Columns.Select(c => c.Name), StringComparer.Ordinal))
        {
            throw new ArgumentException(
                $"Rows must use the columns of their monitor table. The {table.Name} rows have columns {string.Join(", ", table.Columns.Select(c => c.Name))}.",
                paramName);
        }

        return known;
    }

    private static ArgumentException NullRow(int index, string paramName) =>
        new($"A batch must not contain null rows. Row {index} is null.", paramName);
}
