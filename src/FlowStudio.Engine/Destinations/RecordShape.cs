namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Field mapping and per-record checks applied before a record is sent (template destinations' Mapping section and
/// the ClientSuccess sync modes).
/// </summary>
/// <param name="Mapping">How each destination field is filled; the record sent holds just these fields. Null sends the record's fields as they are.</param>
/// <param name="Required">Destination fields every record must have a value for, each with its failure message.</param>
/// <param name="DateFields">Destination fields that, when present, must be dates written as YYYY-MM-DD.</param>
public sealed record RecordShape(
    IReadOnlyList<FieldMapping>? Mapping,
    IReadOnlyList<RequiredField> Required,
    IReadOnlyList<string> DateFields)
{
    /// <summary>No mapping and no checks.</summary>
    public static readonly RecordShape None = new(null, [], []);

    /// <summary>A mapping with no further checks; an empty or null mapping is <see cref="None"/>.</summary>
    public static RecordShape Mapped(IReadOnlyList<FieldMapping>? mapping) =>
        mapping is { Count: > 0 } ? new RecordShape(mapping, [], []) : None;
}

/// <summary>A destination field a record must have; <paramref name="Message"/> is the record's failure when it does not.</summary>
public sealed record RequiredField(string Field, string Message);
