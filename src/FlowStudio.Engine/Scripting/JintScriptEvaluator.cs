using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Jint;
using JsEngine = Jint.Engine;
using Jint.Native;
using Jint.Native.Function;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// <see cref="IScriptEvaluator"/> on Jint 4 (modern JavaScript) in the calling process. Every call gets a fresh engine
/// with every Jint limit of <see cref="ScriptOptions"/> (time, memory, statements, recursion, regex time, cancellation),
/// the stack-overflow guard on, CLR access and string compilation (<c>eval</c>, <c>new Function</c>) off, and nothing
/// but the JSON argument passed in; code is parsed once per distinct text. Jint checks its limits between statements,
/// so one native call (a huge join, a catastrophic regex) is not bounded here: the host runs untrusted code through
/// <see cref="ScriptWorkerPool"/>, whose worker processes run this evaluator.
/// </summary>
public sealed partial class JintScriptEvaluator : IScriptEvaluator
{
    private readonly PreparedScripts _scripts = new();

    /// <summary>Creates an evaluator with the default <see cref="ScriptOptions"/>.</summary>
    public JintScriptEvaluator()
        : this(new ScriptOptions())
    {
    }

    /// <summary>Creates an evaluator with the given limits, validated here.</summary>
    /// <exception cref="System.ComponentModel.DataAnnotations.ValidationException">A limit is out of range.</exception>
    public JintScriptEvaluator(ScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validate();
    }

    /// <summary>The limits every run gets.</summary>
    public ScriptOptions Options { get; }

    /// <inheritdoc />
    public string? CallFunction(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default)
    {
        var output = new OutputBuffer(Options.MaxOutputBytes);
        return Run(script, functionName, argumentJson, output, cancellationToken)
            ? Encoding.UTF8.GetString(output.WrittenSpan)
            : null;
    }

    /// <inheritdoc />
    public Task<string?> CallFunctionAsync(string script, string functionName, string argumentJson,
        CancellationToken cancellationToken = default) =>
        Task.Run(() => CallFunction(script, functionName, argumentJson, cancellationToken), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ScriptOutcome>> CallEachAsync(string script, string functionName, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        return Task.Run<IReadOnlyList<ScriptOutcome>>(() =>
        {
            var outcomes = new ScriptOutcome[arguments.Count];
            for (var i = 0; i < outcomes.Length; i++)
            {
                try
                {
                    outcomes[i] = new ScriptOutcome(CallFunction(script, functionName, arguments[i], cancellationToken), null);
                }
                catch (ScriptException error)
                {
                    outcomes[i] = new ScriptOutcome(null, error);
                }
            }

            return outcomes;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public ScriptException? CheckSyntax(string script)
    {
        ArgumentNullException.ThrowIfNull(script);
        try
        {
            _scripts.Get(script, Options.MaxNesting);
            return null;
        }
        catch (ScriptException problem)
        {
            return problem;
        }
    }

    /// <summary>
    /// Runs the script and writes the function's result to <paramref name="output"/> as UTF-8 JSON; false when the
    /// function returned a value JSON cannot represent (<c>undefined</c>).
    /// </summary>
    /// <exception cref="ScriptException">The script failed or broke a limit.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    internal bool Run(string script, string functionName, string argumentJson, OutputBuffer output,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(script);
        ArgumentNullException.ThrowIfNull(argumentJson);
        if (!Identifier().IsMatch(functionName))
        {
            throw new ArgumentException("The function name must be a JavaScript identifier.", nameof(functionName));
        }

        cancellationToken.ThrowIfCancellationRequested();
        var prepared = _scripts.Get(script, Options.MaxNesting);
        var engine = CreateEngine(cancellationToken);
        string? trace = null;
        try
        {
            engine.Execute(prepared);
            if (engine.Evaluate(_scripts.Lookup(functionName)) is not Function function)
            {
                throw new ScriptException(ScriptErrorKind.InvalidResult, "Missing function",
                    $"the code must define function {functionName}(...)", null, null);
            }

            var use = _scripts.Use(script);
            var result = engine.Call(function, RecordArguments.Parse(engine, argumentJson, use.Lazily(), out var batch));
            if (batch is not null)
            {
                use.Saw(batch.Count, batch.ParsedCount);
            }

            if (result.IsPromise())
            {
                // JSON would write a Promise as {}: an async function would send empty bodies without a word.
                throw new ScriptException(ScriptErrorKind.InvalidResult, "A Promise",
                    $"{functionName} returned a Promise: return the request body itself and remove async (there is nothing to wait for)", null, null);
            }

            return ResultWriter.Write(engine, result, output);
        }
        catch (Exception error) when (Capture(engine, ref trace))
        {
            throw ScriptFailures.Translate(error, trace, Options, cancellationToken);
        }
    }

    private JsEngine CreateEngine(CancellationToken cancellationToken) => new(options =>
    {
        options.TimeoutInterval(Options.TimeoutInterval)
            .LimitMemory(Options.LimitMemory)
            .MaxStatements(Options.MaxStatements)
            .LimitRecursion(Options.LimitRecursion)
            .CancellationToken(cancellationToken);
        options.Constraints.StackOverflowGuard = true;
        options.Constraints.RegexTimeout = Options.RegexTimeoutInterval;
        options.Interop.Enabled = false;
        options.Host.StringCompilationAllowed = false;
        options.Culture = CultureInfo.InvariantCulture;
        options.TimeZone = TimeZoneInfo.Utc;
    });

    // Runs as an exception filter, before the stack unwinds: Jint's call stack still names the line that was running.
    private static bool Capture(JsEngine engine, ref string? trace)
    {
        try
        {
            trace = engine.Advanced.StackTrace;
        }
        catch (Exception)
        {
            trace = null;
        }

        return true;
    }

    [GeneratedRegex(@"^[A-Za-z_$][A-Za-z0-9_$]*$")]
    private static partial Regex Identifier();
}
