namespace FlowStudio.Engine.Macros;

/// <summary>What a macro stands for.</summary>
public enum MacroKind
{
    /// <summary><c>{now}</c>, <c>{now-N}</c>, <c>{now+N}</c> (also written <c>(now-N)</c>).</summary>
    Now,

    /// <summary><c>{lookupName.column}</c>: a column of the current lookup row.</summary>
    Lookup,

    /// <summary><c>{cursor}</c>: an incremental source's cursor, the largest value of its cursor field read so far.</summary>
    Cursor,
}

/// <summary>One macro found in a text.</summary>
/// <param name="Text">The macro as written, e.g. "{now-1}" or "(now-4)".</param>
/// <param name="Start">Its index in the text.</param>
/// <param name="Offset">For <see cref="MacroKind.Now"/>: time units from now (negative = before).</param>
/// <param name="LookupName">For <see cref="MacroKind.Lookup"/>: the part before the dot.</param>
/// <param name="Column">For <see cref="MacroKind.Lookup"/>: the lookup column.</param>
public sealed record MacroReference(string Text, MacroKind Kind, int Start, int Offset = 0, string? LookupName = null, string? Column = null);

/// <summary>A macro that is malformed or unknown, and why.</summary>
public sealed record MacroProblem(string Macro, string Message);
