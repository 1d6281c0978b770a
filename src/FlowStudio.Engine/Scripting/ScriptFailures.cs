using System.Globalization;
using System.Text.RegularExpressions;
using Acornima;
using Jint;
using Jint.Runtime;

namespace FlowStudio.Engine.Scripting;

/// <summary>Turns what Jint throws into a <see cref="ScriptException"/> a user can act on.</summary>
internal static partial class ScriptFailures
{
    public const string CodeSource = "code";

    private const string Stopped = "the script was stopped";

    /// <param name="error">What the run threw.</param>
    /// <param name="trace">The engine's JavaScript call stack when it threw (read before the stack unwound), for the line.</param>
    /// <param name="options">The limits in force.</param>
    /// <param name="cancellationToken">The run's token, to tell a cancellation from a failure.</param>
    public static Exception Translate(Exception error, string? trace, ScriptOptions options,
        CancellationToken cancellationToken)
    {
        var line = LineOf(trace);
        return error switch
        {
            ScriptException or OperationCanceledException => error,
            ExecutionCanceledException => new OperationCanceledException("The script run was cancelled.", cancellationToken),
            RegexMatchTimeoutException => new ScriptException(ScriptErrorKind.Timeout,
                $"Regex time limit {Describe(options.RegexTimeoutInterval)} reached",
                "a regular expression took too long and " + Stopped, LineOf(error) ?? line, null),
            TimeoutException => TimeLimit(options, line),
            StatementsCountOverflowException => new ScriptException(ScriptErrorKind.StatementLimit,
                $"Statement limit {options.MaxStatements.ToString("N0", CultureInfo.InvariantCulture)} reached", Stopped,
                line, null),
            RecursionDepthOverflowException or InsufficientExecutionStackException => new ScriptException(
                ScriptErrorKind.RecursionLimit, $"Recursion limit {options.LimitRecursion} reached",
                "function calls were nested too deep and " + Stopped, line, null),
            MemoryLimitExceededException or OutOfMemoryException => MemoryLimit(options, line),
            OutputLimitExceededException => OutputLimit(options),
            JavaScriptException thrown => Thrown(thrown),
            ScriptPreparationException or ParseErrorException => Syntax(error),
            _ => new ScriptException(ScriptErrorKind.Runtime, "Error", error.Message, LineOf(error) ?? line, null),
        };
    }

    public static ScriptException TimeLimit(ScriptOptions options, int? line) =>
        new(ScriptErrorKind.Timeout, $"Time limit {Describe(options.TimeoutInterval)} reached", Stopped, line, null);

    public static ScriptException MemoryLimit(ScriptOptions options, int? line) =>
        new(ScriptErrorKind.MemoryLimit, $"Memory limit {Describe(options.LimitMemory)} reached", Stopped, line, null);

    public static ScriptException OutputLimit(ScriptOptions options) =>
        new(ScriptErrorKind.OutputLimit, $"Output limit {Describe(options.MaxOutputBytes)} reached",
            "the function's result is larger than that and " + Stopped, null, null);

    /// <summary>A parse failure: Jint wraps Acornima's syntax error, or ran out of stack on deeply nested code.</summary>
    public static ScriptException Syntax(Exception error)
    {
        var cause = error is ScriptPreparationException { InnerException: { } inner } ? inner : error;
        return cause switch
        {
            ParseErrorException parse => new ScriptException(ScriptErrorKind.Syntax, "SyntaxError",
                parse.Description ?? parse.Message, parse.LineNumber > 0 ? parse.LineNumber : null,
                parse.LineNumber > 0 ? parse.Column + 1 : null),
            InsufficientExecutionStackException => new ScriptException(ScriptErrorKind.Syntax, "SyntaxError",
                "the code is nested too deeply to parse", null, null),
            _ => new ScriptException(ScriptErrorKind.Syntax, "SyntaxError", cause.Message, null, null),
        };
    }

    private static ScriptException Thrown(JavaScriptException error)
    {
        var value = error.Error;
        var name = "Error";
        var detail = error.Message;
        if (value.IsObject() && value.AsObject().Get("name") is { } n && n.IsString())
        {
            name = n.AsString();
        }
        else if (!value.IsObject())
        {
            detail = $"the code threw {value}";
        }

        var location = error.Location;
        return location.SourceFile == CodeSource && location.Start.Line > 0
            ? new ScriptException(ScriptErrorKind.Runtime, name, detail, location.Start.Line, location.Start.Column + 1)
            : new ScriptException(ScriptErrorKind.Runtime, name, detail, null, null);
    }

    private static int? LineOf(Exception error) =>
        JintException.TryGetJavaScriptLocation(error, out var location) && location.Start.Line > 0
            ? location.Start.Line
            : null;

    // The innermost frame of the user's code in Jint's stack trace: "   at group (code:3:10)" or "   at code:3:2".
    private static int? LineOf(string? trace) =>
        trace is not null && TraceLine().Match(trace) is { Success: true } match
            ? int.Parse(match.Groups[1].ValueSpan, CultureInfo.InvariantCulture)
            : null;

    [GeneratedRegex(@"\bcode:(\d+):\d+")]
    private static partial Regex TraceLine();

    public static string Describe(TimeSpan span) => span < TimeSpan.FromSeconds(1)
        ? $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"{span.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s";

    public static string Describe(long bytes) => bytes < 1024 * 1024
        ? $"{(bytes / 1024.0).ToString("0.##", CultureInfo.InvariantCulture)} KB"
        : $"{(bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture)} MB";
}
