namespace FlowStudio.Engine.Scripting;

/// <summary>Why a script run failed.</summary>
public enum ScriptErrorKind
{
    /// <summary>The code does not parse.</summary>
    Syntax,

    /// <summary>The code threw an error while running.</summary>
    Runtime,

    /// <summary>The run took longer than <see cref="ScriptLimits.Timeout"/>.</summary>
    Timeout,

    /// <summary>The run executed more than <see cref="ScriptLimits.MaxStatements"/> statements.</summary>
    StatementLimit,

    /// <summary>Function calls nested deeper than <see cref="ScriptLimits.MaxRecursion"/>.</summary>
    RecursionLimit,

    /// <summary>The heap grew by more than <see cref="ScriptLimits.MemoryBytes"/>.</summary>
    MemoryLimit,

    /// <summary>The script does not define the function to call, or its result cannot be used.</summary>
    InvalidResult,
}
