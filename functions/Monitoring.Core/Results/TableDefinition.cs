using System.Collections.Immutable;

namespace Monitoring.Core.Results;

/// <summary>A monitor table: the single definition its Log Analytics table, DCR stream and SQLite table follow.</summary>
/// <param name="Name">Table name, ending in <c>_CL</c>.</param>
/// <param name="Description">What a row means.</param>
/// <param name="Columns">Columns in order; the first is always TimeGenerated.</param>
public sealed record TableDefinition(string Name, string Description, ImmutableArray<ColumnDefinition> Columns)
{
    /// <summary>The position of <paramref name="column"/>; throws when the table has no such column.</summary>
    public int IndexOf(string column)
    {
        for (var i = 0; i < Columns.Length; i++)
        {
            if (string.Equals(Columns[i].Name, column, StringComparison.Ordinal))
            {
                return i;
            }
        }

        throw new ArgumentException($"Table {Name} has no column '{column}'.", nameof(column));
    }
}
