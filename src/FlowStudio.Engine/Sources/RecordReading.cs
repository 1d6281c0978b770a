namespace FlowStudio.Engine.Sources;

/// <summary>
/// What a source read keeps of each record besides its text: the fields read from every record (the key and the cursor
/// field), the lookup row's key, and the schemas of the record layouts seen so far, so records of one layout share one.
/// One per walk of pages; not thread-safe.
/// </summary>
internal sealed class RecordReading(IReadOnlyList<string> fields, string? lookupKey)
{
    // Records whose fields differ every time would make a schema each: stop remembering them past this many.
    private const int MaxLayouts = 1_000;

    private readonly Dictionary<UInt128, RecordSchema> _layouts = [];

    /// <summary>The fields whose text each record keeps.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The key of the lookup row the records come from, or null.</summary>
    public string? LookupKey { get; } = lookupKey;

    /// <summary>The schema remembered for <paramref name="layout"/> (a 128-bit hash of the layout's names and types), or null.</summary>
    public RecordSchema? Layout(UInt128 layout) => _layouts.GetValueOrDefault(layout);

    public void Remember(UInt128 layout, RecordSchema schema)
    {
        if (_layouts.Count < MaxLayouts)
        {
            _layouts[layout] = schema;
        }
    }
}
