namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Record batching ("Would you like to batch your records together?"): how many records go in one request and
/// how the batch becomes the request body.
/// </summary>
public sealed record BatchingOptions
{
    /// <summary>No batching: one request per record.</summary>
    public static readonly BatchingOptions Off = new();

    /// <summary>Whether records are batched.</summary>
    public bool Enabled { get; init; }

    /// <summary>Most records in one request. Default 100.</summary>
    public int BatchSize { get; init; } = 100;

    /// <summary>One of <see cref="GroupingAlgorithms"/>. Default <c>property</c>.</summary>
    public string Algorithm { get; init; } = GroupingAlgorithms.Property;

    /// <summary>Property Inside JSON Object: the property that holds the batch array.</summary>
    public string? PropertyName { get; init; }

    /// <summary>
    /// Property Inside JSON Object: more properties for the body, as the JSON text of an object (the text typed in the
    /// Other Props field), or of a string holding one.
    /// </summary>
    public string? OtherProps { get; init; }

    /// <summary>Code: JavaScript (modern, Jint 4) defining <c>function group(records)</c> (or <c>const group = (records) =&gt; ...</c>), which returns the request body.</summary>
    public string? Code { get; init; }
}

/// <summary>Grouping algorithms (<see cref="BatchingOptions.Algorithm"/>).</summary>
public static class GroupingAlgorithms
{
    /// <summary>Property Inside JSON Object: <c>{ propertyName: [batch], ...otherProps }</c>.</summary>
    public const string Property = "property";

    /// <summary>JSON Array: the body is the batch itself, <c>[record, record, ...]</c>; no settings.</summary>
    public const string Array = "array";

    /// <summary>Code: the body is what <c>group(batch)</c> returns.</summary>
    public const string Code = "code";

    /// <summary>Every algorithm.</summary>
    public static readonly IReadOnlyList<string> All = [Property, Array, Code];
}
