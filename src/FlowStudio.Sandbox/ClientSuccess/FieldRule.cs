namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>What a writable field accepts. Fields without a rule accept any JSON.</summary>
internal sealed record FieldRule(string Name, FieldKind Kind, bool Required = false, int MaxLength = 0, IReadOnlyList<string>? Allowed = null)
{
    public static FieldRule Text(string name, int maxLength = 0, bool required = false) => new(name, FieldKind.Text, required, maxLength);

    public static FieldRule OneOf(string name, IReadOnlyList<string> allowed, bool required = false) => new(name, FieldKind.Text, required, Allowed: allowed);

    public static FieldRule Date(string name) => new(name, FieldKind.Date);

    public static FieldRule DateTime(string name) => new(name, FieldKind.DateTime);

    public static FieldRule Bool(string name) => new(name, FieldKind.Boolean);

    public static FieldRule Int(string name) => new(name, FieldKind.Integer);

    public static FieldRule Number(string name) => new(name, FieldKind.Number);

    public static FieldRule Object(string name) => new(name, FieldKind.Object);

    public static FieldRule Array(string name) => new(name, FieldKind.Array);

    /// <summary>A reference to another record: an integer id or a uuid string.</summary>
    public static FieldRule Reference(string name, bool required = false) => new(name, FieldKind.Reference, required);
}

internal enum FieldKind
{
    Text,
    Boolean,
    Integer,
    Number,
    Date,
    DateTime,
    Object,
    Array,
    Reference,
}

/// <summary>One validation failure, as the 422 body's <c>errors[]</c> lists it.</summary>
internal sealed record FieldError(string Field, string Message);
