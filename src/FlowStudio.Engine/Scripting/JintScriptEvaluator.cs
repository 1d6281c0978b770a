using Jint.Parser;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// <see cref="IScriptEvaluator"/> on Jint 2.10.4 (ECMAScript 5.1). Every call gets a fresh engine on its own
/// thread with no CLR access (<c>AllowClr</c> is never enabled and nothing but the JSON argument is passed in),
/// and is watched every 5 ms for cancellation, the time limit and heap growth. Jint itself enforces the
/// statement and recursion limits.
/// </summary>
public sealed class JintScriptEvaluator : IScriptEvaluator
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(5);
    private readonly TimeProvider _time;

    /// <summary>Creates an evaluator with the default <see cref="ScriptLimits"/>.</summary>
    public JintScriptEvaluator()
        : this(new ScriptLimits(), TimeProvider.System)
    {
    }

    /// <summary>Creates an evaluator with the given limits, validated here.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A limit is out of range.</exception>
    public JintScriptEvaluator(ScriptLimits limits, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(limits);
        JintStopSwitch.EnsureAvailable();
        Limits = limits.Validate();
        _time = time;
    }

    /// <summary>The limits every run gets.</summary>
    public ScriptLimits Limits { get; }

    /// <inheritdoc />
    public string? CallFunction(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default)
    {
        var run = Start(script, functionName, argumentJson, cancellationToken);
        var finished = ((IAsyncResult)run.Completion).AsyncWaitHandle;
        while (!finished.WaitOne(PollInterval))
        {
            run.Poll();
        }

        return run.Completion.GetAwaiter().GetResult();
    }

    /// <inheritdoc />
    public async Task<string?> CallFunctionAsync(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default)
    {
        var run = Start(script, functionName, argumentJson, cancellationToken);
        using var timer = _time.CreateTimer(_ => run.Poll(), null, PollInterval, PollInterval);
        await using var registration = cancellationToken.Register(run.Poll);
        return await run.Completion.ConfigureAwait(false);
    }

    /// <inheritdoc />
    public ScriptException? CheckSyntax(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        ScriptException? problem = null;
        var thread = new Thread(() =>
        {
            try
            {
                new JavaScriptParser().Parse(script, new ParserOptions { Source = ScriptFailures.CodeSource });
            }
            catch (ParserException error)
            {
                problem = ScriptFailures.Syntax(error);
            }
            catch (Exception error)
            {
                // An exception escaping this thread would end the process; the parser's own bugs become syntax errors.
                problem = new ScriptException(ScriptErrorKind.Syntax, "SyntaxError", error.Message, null, null);
            }
        }, ScriptRun.StackBytes);
        thread.Start();
        thread.Join();
        return problem;
    }

    private ScriptRun Start(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentException.ThrowIfNullOrWhiteSpace(functionName);
        ArgumentNullException.ThrowIfNull(argumentJson);
        cancellationToken.ThrowIfCancellationRequested();
        var run = new ScriptRun(script, functionName, argumentJson, Limits, _time, cancellationToken);
        run.Start();
        return run;
    }
}
