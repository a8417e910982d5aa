namespace Monitoring.Core.Results;

/// <summary>One column of a monitor table.</summary>
/// <param name="Name">Column name; the same in Log Analytics, SQLite and workbooks.</param>
/// <param name="Type">Its type.</param>
/// <param name="Description">What it holds.</param>
public sealed record ColumnDefinition(string Name, ColumnType Type, string Description);
