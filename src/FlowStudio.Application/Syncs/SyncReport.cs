namespace FlowStudio.Application.Syncs;

/// <summary>
/// What a sync run (or its dry run) did: per object and the side written, the records created, updated and deleted (deletes only when the sync propagates them), those the
/// import filter left out, those skipped for another reason, conflicts and failures; then each conflict and each
/// record's error, and (dry run) a sample of the records each side would get.
/// </summary>
public sealed record SyncReport(
    IReadOnlyList<SyncCounts> Counts, IReadOnlyList<SyncConflict> Conflicts, IReadOnlyList<SyncRecordError> Errors, IReadOnlyList<SyncSample> Samples);

/// <summary>
/// One object's counts on the side written: <c>clientsuccess</c> (pulled) or <c>crm</c> (pushed). <paramref name="SkippedByFilter"/>:
/// CRM records the import filter leaves out; <paramref name="Skipped"/>: records left alone for another reason (a contact
/// whose account is not in the sync).
/// </summary>
public sealed record SyncCounts(string Object, string Side, int Created, int Updated, int Deleted, int SkippedByFilter, int Skipped, int Conflicts, int Failed);

/// <summary>A field both sides changed since the last sync: the newer change won (<paramref name="Winner"/> is its side).</summary>
public sealed record SyncConflict(
    string Object, string ClientSuccessId, string CrmId, string ClientSuccessField, string CrmField, string? ClientSuccessValue, string? CrmValue, string Winner);

/// <summary>A record the run could not write, on the side named.</summary>
public sealed record SyncRecordError(string Object, string Side, string RecordId, string Message);

/// <summary>A record a dry run would create or update on <paramref name="Side"/>, with the values it would write.</summary>
public sealed record SyncSample(string Object, string Side, string Action, string? RecordId, IReadOnlyDictionary<string, string?> Values);
