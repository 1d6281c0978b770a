namespace FlowStudio.Engine.Paths;

/// <summary>Text that is not valid JSON, with where the reader stopped (line and position count from 1; 0 when unknown).</summary>
public sealed class InvalidJsonException(string message, int lineNumber, int linePosition, Exception? inner = null) : FormatException(message, inner)
{
    /// <summary>The line of the problem, from 1; 0 when there is no text at all.</summary>
    public int LineNumber { get; } = lineNumber;

    /// <summary>The character on <see cref="LineNumber"/> where the reader stopped.</summary>
    public int LinePosition { get; } = linePosition;
}
