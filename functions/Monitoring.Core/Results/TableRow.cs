using System.Collections.Immutable;

namespace Monitoring.Core.Results;

/// <summary>One row of a monitor table: a value per column, in column order (null allowed).</summary>
public sealed class TableRow
{
    /// <summary>Creates a row; the value count must match the table's columns.</summary>
    public TableRow(TableDefinition table, ImmutableArray<object?> values)
    {
        ArgumentNullException.ThrowIfNull(table);
        if (values.Length != table.Columns.Length)
        {
            throw new ArgumentException($"A {table.Name} row needs {table.Columns.Length} values, got {values.Length}.", nameof(values));
        }

        Table = table;
        Values = values;
    }

    /// <summary>The table this row belongs to.</summary>
    public TableDefinition Table { get; }

    /// <summary>The values, in column order.</summary>
    public ImmutableArray<object?> Values { get; }

    /// <summary>The value of the named column.</summary>
    public object? this[string column] => Values[Table.IndexOf(column)];
}
