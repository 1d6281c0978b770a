namespace FlowStudio.Engine.Destinations;

/// <summary>What sending a record would do, as a dry run finds it.</summary>
public enum DryRunOutcome
{
    /// <summary>A new remote record (an insert-only endpoint, or no remote record matches).</summary>
    Created,

    /// <summary>A remote record matches and some fields the record sends differ from it.</summary>
    Updated,

    /// <summary>A remote record matches and holds every field the record sends already.</summary>
    Unchanged,

    /// <summary>The record fails before it is sent (mapping, required fields, dates, format) or has nothing to update.</summary>
    Rejected,

    /// <summary>The record would be sent, but the remote state cannot be looked up for this endpoint.</summary>
    Unknown,
}

/// <summary>A field a record would change: its remote value and the value sent, each as compact JSON (null when absent).</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>What sending one record would do.</summary>
/// <param name="RecordId">The host's record id.</param>
/// <param name="Outcome">Created, updated, unchanged, rejected or unknown.</param>
/// <param name="Changes">For an update, the fields that change.</param>
/// <param name="Reason">Why it is rejected or unknown; for the others, null.</param>
public sealed record RecordVerdict(long RecordId, DryRunOutcome Outcome, IReadOnlyList<FieldChange> Changes, string? Reason = null);
