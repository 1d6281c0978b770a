namespace FlowStudio.Engine.Scripting;

/// <summary>Why a script run failed.</summary>
public enum ScriptErrorKind
{
    /// <summary>The code does not parse, or is nested deeper than <see cref="ScriptOptions.MaxNesting"/>.</summary>
    Syntax,

    /// <summary>The code threw an error while running.</summary>
    Runtime,

    /// <summary>The run took longer than <see cref="ScriptOptions.TimeoutInterval"/> (or a regex longer than <see cref="ScriptOptions.RegexTimeoutInterval"/>).</summary>
    Timeout,

    /// <summary>The run executed more than <see cref="ScriptOptions.MaxStatements"/> statements.</summary>
    StatementLimit,

    /// <summary>Function calls nested deeper than <see cref="ScriptOptions.LimitRecursion"/>.</summary>
    RecursionLimit,

    /// <summary>The run allocated more than <see cref="ScriptOptions.LimitMemory"/>, or its worker passed <see cref="ScriptOptions.WorkerMemoryLimit"/>.</summary>
    MemoryLimit,

    /// <summary>The function's JSON result is larger than <see cref="ScriptOptions.MaxOutputBytes"/>.</summary>
    OutputLimit,

    /// <summary>The script does not define the function to call, or its result cannot be used.</summary>
    InvalidResult,

    /// <summary>The worker process running the script failed for another reason (it crashed or could not start).</summary>
    Host,
}
