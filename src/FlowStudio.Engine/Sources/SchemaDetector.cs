namespace FlowStudio.Engine.Sources;

/// <summary>One field of a dataset's schema.</summary>
/// <param name="Name">The top-level property name.</param>
/// <param name="Type">One of <see cref="SchemaTypes"/>.</param>
public sealed record SchemaField(string Name, string Type);

/// <summary>
/// Builds a dataset schema from records: every top-level field in order of first appearance with its merged type.
/// Feed records with <see cref="Add(SourceRecord)"/> while streaming, or call <see cref="Detect"/>.
/// </summary>
public sealed class SchemaDetector
{
    private readonly List<string> _order = [];
    private readonly Dictionary<string, string> _types = new(StringComparer.Ordinal);
    private readonly HashSet<RecordSchema> _taken = new(ReferenceEqualityComparer.Instance);

    /// <summary>The fields seen so far.</summary>
    public IReadOnlyList<SchemaField> Fields => [.. _order.Select(name => new SchemaField(name, _types[name]))];

    /// <summary>Takes one record's fields into the schema.</summary>
    public void Add(SourceRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Schema is { } schema)
        {
            // Records of one layout share their schema: taking it in again changes nothing (types only ever widen).
            if (_taken.Count >= 1_000)
            {
                _taken.Clear();
            }

            if (_taken.Add(schema))
            {
                Add(schema.Fields);
            }

            return;
        }

        foreach (var property in record.Data.Properties())
        {
            Add(property.Name, SchemaTypes.Of(property.Value));
        }
    }

    /// <summary>Takes the fields of a schema detected earlier (for example from earlier runs).</summary>
    public void Add(IEnumerable<SchemaField> fields)
    {
        foreach (var field in fields)
        {
            Add(field.Name, field.Type);
        }
    }

    /// <summary>The schema of <paramref name="records"/>.</summary>
    public static IReadOnlyList<SchemaField> Detect(IEnumerable<SourceRecord> records)
    {
        var detector = new SchemaDetector();
        foreach (var record in records)
        {
            detector.Add(record);
        }

        return detector.Fields;
    }

    private void Add(string name, string type)
    {
        if (_types.TryGetValue(name, out var known))
        {
            _types[name] = SchemaTypes.Merge(known, type);
        }
        else
        {
            _order.Add(name);
            _types[name] = type;
        }
    }
}
