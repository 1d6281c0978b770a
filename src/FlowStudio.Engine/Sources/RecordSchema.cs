namespace FlowStudio.Engine.Sources;

/// <summary>
/// The top-level fields of a record read from a response, with their types, in order. Records of one layout share one
/// instance, so a schema detector takes in a page of alike records once.
/// </summary>
internal sealed class RecordSchema(SchemaField[] fields, byte[][] utf8Names)
{
    public IReadOnlyList<SchemaField> Fields { get; } = fields;

    /// <summary>The field names as UTF-8, to compare with the next record's names without making strings.</summary>
    public IReadOnlyList<byte[]> Utf8Names { get; } = utf8Names;
}
