namespace FlowStudio.Application.Syncs;

/// <summary>
/// A field of one side's object as the mapping dropdowns list it. <paramref name="Required"/>: a record cannot be created
/// on that side without it; <paramref name="ReadOnly"/>: the system sets it, so nothing is written to it.
/// </summary>
public sealed record SyncField(string Name, string Label, string Type, bool Required = false, bool ReadOnly = false);
