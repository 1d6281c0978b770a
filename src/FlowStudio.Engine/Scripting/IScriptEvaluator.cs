namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Runs user JavaScript in a sandbox. Values cross the boundary only as JSON text: the argument is parsed inside
/// the script engine and the result comes back as JSON, so no host object is ever visible to the script.
/// <see cref="ScriptWorkerPool"/> runs scripts in worker processes (what the host uses);
/// <see cref="JintScriptEvaluator"/> runs them in the calling process.
/// </summary>
public interface IScriptEvaluator
{
    /// <summary>
    /// Runs <paramref name="script"/> in a fresh engine, then calls <paramref name="functionName"/> with the
    /// value of <paramref name="argumentJson"/> and returns the result as JSON text, or <c>null</c> when the
    /// function returned <c>undefined</c>. Blocks the calling thread.
    /// </summary>
    /// <exception cref="ScriptException">The script has a syntax error, failed, or broke a limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    string? CallFunction(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default);

    /// <summary>The same as <see cref="CallFunction"/>, without blocking the calling thread.</summary>
    Task<string?> CallFunctionAsync(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Calls <paramref name="functionName"/> once per argument, each in a fresh engine with the limits of one call, as
    /// <see cref="CallFunctionAsync"/> would, and gives each call's outcome in order: one call's error does not stop the
    /// others. Worker processes take the calls in few messages, which costs far less than a message per call.
    /// </summary>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    Task<IReadOnlyList<ScriptOutcome>> CallEachAsync(string script, string functionName, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken = default);

    /// <summary>Parses <paramref name="script"/> without running it; <c>null</c> when it is valid.</summary>
    ScriptException? CheckSyntax(string script);
}
