namespace FlowStudio.Engine.Scripting;

/// <summary>
/// A user script failed. <see cref="Exception.Message"/> is meant for the user, for example
/// <c>Code: SyntaxError at line 3, column 7: Unexpected token ;</c>. Line and column are 1-based.
/// </summary>
public sealed class ScriptException(ScriptErrorKind kind, string errorName, string detail, int? line, int? column)
    : Exception(Format(errorName, detail, line, column))
{
    /// <summary>Why the run failed.</summary>
    public ScriptErrorKind Kind { get; } = kind;

    /// <summary>The JavaScript error name (<c>SyntaxError</c>, <c>TypeError</c>, ...) or the limit that was hit.</summary>
    public string ErrorName { get; } = errorName;

    /// <summary>What went wrong, without the location.</summary>
    public string Detail { get; } = detail;

    /// <summary>1-based line in the user's code, when known.</summary>
    public int? Line { get; } = line;

    /// <summary>1-based column in the user's code, when known.</summary>
    public int? Column { get; } = column;

    private static string Format(string errorName, string detail, int? line, int? column)
    {
        var where = line is null ? "" : column is null ? $" at line {line}" : $" at line {line}, column {column}";
        var what = string.IsNullOrWhiteSpace(detail) ? "" : $": {detail}";
        return $"Code: {errorName}{where}{what}";
    }
}
