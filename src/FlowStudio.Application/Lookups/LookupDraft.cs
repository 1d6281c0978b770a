namespace FlowStudio.Application.Lookups;

/// <summary>A new lookup as a screen takes it: its rows are text (CSV with a header line, or a JSON array), or come from a dataset.</summary>
internal sealed record LookupDraft(string? Name, string? KeyColumn, string? DatasetId, string? Rows);

/// <summary>New rows for a lookup whose rows were pasted, and its key column.</summary>
internal sealed record LookupRowsDraft(string? KeyColumn, string? Rows);
