namespace FlowStudio.Engine.Sources;

/// <summary>A source configuration (or template parameters) with problems; <see cref="Errors"/> names each field.</summary>
public sealed class InvalidSourceException(IReadOnlyList<FieldError> errors)
    : Exception(string.Join(" ", errors.Select(e => e.ToString())))
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;
}
