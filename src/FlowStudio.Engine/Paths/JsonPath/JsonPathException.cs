namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// A JSONPath that does not follow RFC 9535. <see cref="Position"/> is the 1-based character the problem was found at;
/// <see cref="Problem"/> says what is wrong in plain words, and the message is "Position N: problem".
/// </summary>
public sealed class JsonPathException : Exception
{
    /// <summary>Creates the error for the 1-based <paramref name="position"/> with the plain-words <paramref name="problem"/>.</summary>
    public JsonPathException(int position, string problem)
        : base($"Position {position}: {problem}")
    {
        Position = position;
        Problem = problem;
    }

    /// <summary>The 1-based character position in the path where the problem was found (one past the end for a cut-off path).</summary>
    public int Position { get; }

    /// <summary>What is wrong, without the position, e.g. "expected ']' after the index".</summary>
    public string Problem { get; }
}
