namespace FlowStudio.Application.Syncs;

/// <summary>
/// Before anything is written: per object, the CRM records the import filter matches (counted as the CRM counts them)
/// with a sample, and the dry run of the next pass (the initial import when it has not run yet).
/// </summary>
public sealed record SyncPreview(IReadOnlyList<SyncFilterPreview> Filters, SyncReport DryRun);

/// <summary>One object's filter: matching CRM records of all, the criteria sent to the CRM (null: no condition), and a sample.</summary>
public sealed record SyncFilterPreview(string Object, int Matching, int Total, string? Criteria, IReadOnlyList<IReadOnlyDictionary<string, string?>> Sample);
