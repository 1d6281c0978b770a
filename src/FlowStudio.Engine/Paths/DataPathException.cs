namespace FlowStudio.Engine.Paths;

/// <summary>
/// A path to data or metadata that cannot be used on a response. <see cref="Field"/> is "dataPath" or "metadataPath".
/// </summary>
public sealed class DataPathException(string field, string message) : Exception(message)
{
    public string Field { get; } = field;

    public FieldError ToFieldError() => new(Field, Message);
}

/// <summary>A response body that is neither valid JSON nor valid XML.</summary>
public sealed class ResponseFormatException(string message, Exception? inner = null) : Exception(message, inner);
