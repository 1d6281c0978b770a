using System.ComponentModel.DataAnnotations;

namespace FlowStudio.Engine.Scripting;

/// <summary>Limits applied to every script run. Each run gets a fresh engine, so limits never carry over.</summary>
public sealed record ScriptLimits
{
    /// <summary>
    /// Wall-clock time one run may take, from the start of the script to the function's result.
    /// Default 2 s: a grouping function over a 100-record batch takes a few milliseconds.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Statements one run may execute (counted separately for loading the script and for the call).
    /// Default 1,000,000: roughly 1 to 4 s of Jint 2.10.4 work, so a runaway loop stops at about the same
    /// point on fast and slow machines, while a grouping function needs a few statements per record.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxStatements { get; init; } = 1_000_000;

    /// <summary>Deepest chain of nested function calls. Default 64.</summary>
    [Range(1, 10_000)]
    public int MaxRecursion { get; init; } = 64;

    /// <summary>
    /// Growth of the live managed heap allowed while the script runs. Default 64 MB. The heap is shared by the
    /// whole process, so the measure is approximate: a run is stopped only after a full garbage collection
    /// confirms the growth.
    /// </summary>
    [Range(1024L * 1024, 16L * 1024 * 1024 * 1024)]
    public long MemoryBytes { get; init; } = 64L * 1024 * 1024;

    /// <summary>Throws <see cref="ValidationException"/> naming the first limit that is out of range.</summary>
    public ScriptLimits Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        return this;
    }
}
