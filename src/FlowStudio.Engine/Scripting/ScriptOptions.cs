using System.ComponentModel.DataAnnotations;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Limits for user scripts (grouping code), configuration section <c>Scripts</c> (environment variables
/// <c>Scripts__TimeoutInterval</c>, <c>Scripts__LimitMemory</c>, ...), checked at start. The Jint limits
/// (<see cref="TimeoutInterval"/>, <see cref="LimitMemory"/>, <see cref="MaxStatements"/>, <see cref="LimitRecursion"/>,
/// <see cref="RegexTimeoutInterval"/>) are checked between statements; the worker settings bound what one native call
/// (a huge join, a catastrophic regex) can do, by running scripts in a separate process that is killed on overrun.
/// CLR access is always off and Jint's stack-overflow guard always on.
/// </summary>
public sealed class ScriptOptions : IValidatableObject
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Scripts";

    /// <summary>
    /// Wall-clock time loading the script, and then the call, may each take. Default 2 s: a grouping function over a
    /// 100-record batch takes well under a millisecond. The worker is killed at this plus <see cref="WorkerGrace"/>.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan TimeoutInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Bytes one run may allocate, as Jint counts them (checked between statements). Default 64 MB.
    /// </summary>
    [Range(1L * 1024 * 1024, 4L * 1024 * 1024 * 1024)]
    public long LimitMemory { get; set; } = 64L * 1024 * 1024;

    /// <summary>
    /// Statements one run may execute. Default 1,000,000 (about 0.1–0.2 s of Jint 4 work); a grouping function needs
    /// a few statements per record.
    /// </summary>
    [Range(1, int.MaxValue)]
    public int MaxStatements { get; set; } = 1_000_000;

    /// <summary>Deepest chain of nested function calls. Default 64.</summary>
    [Range(1, 10_000)]
    public int LimitRecursion { get; set; } = 64;

    /// <summary>Time one regular expression match may take. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "00:10:00")]
    public TimeSpan RegexTimeoutInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Largest result, as UTF-8 JSON bytes, a function may return (a request body). Default 8 MB.</summary>
    [Range(1024, 1024 * 1024 * 1024)]
    public int MaxOutputBytes { get; set; } = 8 * 1024 * 1024;

    /// <summary>
    /// Deepest nesting of brackets (<c>( [ {</c>) the code may have; deeper code is refused before it is parsed.
    /// Default 128 (Jint refuses syntax nested deeper than 256).
    /// </summary>
    [Range(8, 256)]
    public int MaxNesting { get; set; } = 128;

    /// <summary>Worker processes running scripts at once. Default: the processor count.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = Environment.ProcessorCount;

    /// <summary>
    /// Memory cap of one worker process: its managed heap hard limit (<c>DOTNET_GCHeapHardLimit</c>); the worker is
    /// also killed when its resident memory passes this plus 128 MB. Default 256 MB.
    /// </summary>
    [Range(64L * 1024 * 1024, 64L * 1024 * 1024 * 1024)]
    public long WorkerMemoryLimit { get; set; } = 256L * 1024 * 1024;

    /// <summary>Extra time a worker gets past <see cref="TimeoutInterval"/>, or after a cancellation, before it is killed. Default 1 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan WorkerGrace { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Nice value of worker processes on Linux (0–19, higher yields the CPU to the web server). Default 5: the web server
    /// still gets three times a worker's share of a busy core. At 10 (a ninth), a worker woken for a page's <c>group</c>
    /// calls on a busy machine waited longer for the CPU: code grouping delivered at a median 0.78 of property grouping's
    /// speed over seven 11-round runs (bench <c>--grouping both</c>, 2 cores), against 0.81 over nine runs at 5.
    /// </summary>
    [Range(0, 19)]
    public int WorkerNiceness { get; set; } = 5;

    /// <summary>Path of <c>FlowStudio.ScriptHost.dll</c>. Default: next to the application.</summary>
    public string? WorkerPath { get; set; }

    /// <summary>Throws <see cref="ValidationException"/> naming the first setting that is out of range.</summary>
    public ScriptOptions Validate()
    {
        Validator.ValidateObject(this, new ValidationContext(this), validateAllProperties: true);
        return this;
    }

    /// <inheritdoc />
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (WorkerMemoryLimit < LimitMemory + 4L * MaxOutputBytes + 32L * 1024 * 1024)
        {
            yield return new ValidationResult(
                "Scripts:WorkerMemoryLimit must be at least Scripts:LimitMemory + 4 × Scripts:MaxOutputBytes + 32 MB.",
                [nameof(WorkerMemoryLimit)]);
        }
    }
}
