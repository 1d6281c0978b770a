namespace FlowStudio.Engine.Transforms;

/// <summary>
/// What the steps made of one input record: its <see cref="Outputs"/> as JSON objects (none when filtered out or dropped
/// by the script, several when the script split it), or the <see cref="Error"/> that stopped it.
/// </summary>
public sealed record TransformedRecord(int Index, IReadOnlyList<string> Outputs, TransformError? Error);

/// <summary>A step failed on a record: <see cref="Step"/> is 0-based, <see cref="Message"/> names the step (“Step 2 (JavaScript): …”).</summary>
public sealed record TransformError(int Step, string Message);
