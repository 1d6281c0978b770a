namespace FlowStudio.Application.Lookups;

/// <summary>A lookup as the Lookups page lists it: where its rows come from (a source's dataset, or pasted).</summary>
internal sealed record LookupEntry(LookupView Lookup, string? FilledBy)
{
    /// <summary>
    /// Pasted rows can be edited as text (up to <see cref="LookupRowsText.MaxRows"/>); a source's dataset changes only
    /// when the source runs.
    /// </summary>
    public bool RowsEditable => FilledBy is null && Lookup.RowCount <= LookupRowsText.MaxRows;
}
