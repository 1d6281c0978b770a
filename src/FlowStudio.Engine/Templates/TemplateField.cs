namespace FlowStudio.Engine.Templates;

/// <summary>A field a destination endpoint takes in each record (a row of the destination's Mapping section).</summary>
public sealed record TemplateField
{
    /// <summary>Wire name in the record, e.g. "createdAt".</summary>
    public string Name { get; init; } = "";

    /// <summary>Label shown to the user, e.g. "Created At".</summary>
    public string Label { get; init; } = "";

    /// <summary>One of <see cref="FieldTypes"/>.</summary>
    public string Type { get; init; } = FieldTypes.String;

    /// <summary>Whether the endpoint refuses a record without a value for it.</summary>
    public bool Required { get; init; }

    /// <summary>What the field holds, in our own words.</summary>
    public string Description { get; init; } = "";
}

/// <summary>The value types of destination fields (<see cref="TemplateField.Type"/>).</summary>
public static class FieldTypes
{
    /// <summary>Text.</summary>
    public const string String = "string";

    /// <summary>A JSON number.</summary>
    public const string Number = "number";

    /// <summary>A whole JSON number.</summary>
    public const string Integer = "integer";

    /// <summary><c>true</c> or <c>false</c>.</summary>
    public const string Boolean = "boolean";

    /// <summary>A moment as a JSON number of milliseconds since 1970-01-01 UTC.</summary>
    public const string EpochMillis = "epochMillis";

    /// <summary>A moment as ISO 8601 text, e.g. 2026-03-01T12:00:00.000Z.</summary>
    public const string IsoDateTime = "isoDateTime";

    /// <summary>A day written YYYY-MM-DD.</summary>
    public const string Date = "date";

    /// <summary>A JSON object.</summary>
    public const string Object = "object";

    /// <summary>A JSON array.</summary>
    public const string Array = "array";

    /// <summary>Every field type.</summary>
    public static readonly IReadOnlyList<string> All = [String, Number, Integer, Boolean, EpochMillis, IsoDateTime, Date, Object, Array];
}
