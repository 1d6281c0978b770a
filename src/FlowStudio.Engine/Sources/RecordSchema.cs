namespace FlowStudio.Engine.Sources;

/// <summary>
/// The top-level fields of a record read from a response, with their types, in order. Records of one layout share one
/// instance, so a schema detector takes in a page of alike records once.
/// </summary>
internal sealed class RecordSchema(SchemaField[] fields)
{
    public IReadOnlyList<SchemaField> Fields { get; } = fields;
}
