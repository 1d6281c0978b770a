namespace FlowStudio.Engine.Scripting;

/// <summary>
/// One call's outcome in <see cref="IScriptEvaluator.CallEachAsync"/>: the result's JSON text (null when the function
/// returned <c>undefined</c>), or the error that call raised.
/// </summary>
public readonly record struct ScriptOutcome(string? Json, ScriptException? Error);
