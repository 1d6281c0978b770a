namespace FlowStudio.Application.Lookups;

/// <summary>A lookup with the columns its macros can use (<c>{name.column}</c>).</summary>
public sealed record LookupView(string Id, string Name, string DatasetId, string KeyColumn, IReadOnlyList<string> Columns, long RowCount);
