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

    private readonly Dictionary<int, List<RecordSchema>> _layouts = [];
    private int _remembered;

    /// <summary>The fields whose text each record keeps.</summary>
    public IReadOnlyList<string> Fields { get; } = fields;

    /// <summary>The key of the lookup row the records come from, or null.</summary>
    public string? LookupKey { get; } = lookupKey;

    /// <summary>The schemas remembered under <paramref name="hash"/> (a hash of the layout's names and types).</summary>
    public IReadOnlyList<RecordSchema> Layouts(int hash) => _layouts.TryGetValue(hash, out var found) ? found : [];

    public void Remember(int hash, RecordSchema schema)
    {
        if (_remembered >= MaxLayouts)
        {
            return;
        }

        _remembered++;
        if (_layouts.TryGetValue(hash, out var found))
        {
            found.Add(schema);
        }
        else
        {
            _layouts[hash] = [schema];
        }
    }
}
