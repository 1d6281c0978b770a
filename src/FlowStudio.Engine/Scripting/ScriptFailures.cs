using System.Globalization;
using JsEngine = Jint.Engine;
using Jint.Parser;
using Jint.Runtime;

namespace FlowStudio.Engine.Scripting;

/// <summary>Turns what Jint throws into a <see cref="ScriptException"/> a user can act on.</summary>
internal static class ScriptFailures
{
    public const string CodeSource = "code";

    public static Exception Translate(Exception error, JsEngine? engine, StopReason reason, ScriptLimits limits,
        string script, CancellationToken cancellationToken)
    {
        switch (error)
        {
            case ScriptException:
                return error;
            case TimeoutException:
                return Stopped(reason == StopReason.None ? StopReason.Timeout : reason, engine, limits,
                    cancellationToken);
            case StatementsCountOverflowException:
                return Limit(ScriptErrorKind.StatementLimit, "Statement limit",
                    $"the code ran more than {limits.MaxStatements.ToString("N0", CultureInfo.InvariantCulture)} statements and was stopped",
                    engine);
            case RecursionDepthOverflowException:
                return Limit(ScriptErrorKind.RecursionLimit, "Recursion limit",
                    $"function calls were nested more than {limits.MaxRecursion} deep", engine);
            case OutOfMemoryException:
                return Stopped(StopReason.Memory, engine, limits, cancellationToken);
            case ParserException parse:
                return Syntax(parse);
            case JavaScriptException thrown:
                return Thrown(thrown, engine, script);
            default:
                var (line, column) = Where(engine?.GetLastSyntaxNode()?.Location);
                return new ScriptException(ScriptErrorKind.Runtime, "Error", error.Message, line, column);
        }
    }

    public static Exception Stopped(StopReason reason, JsEngine? engine, ScriptLimits limits,
        CancellationToken cancellationToken) => reason switch
    {
        StopReason.Cancelled => new OperationCanceledException("The script run was cancelled.", cancellationToken),
        StopReason.Memory => Limit(ScriptErrorKind.MemoryLimit, "Memory limit",
            $"the code used more than {Describe(limits.MemoryBytes)} of memory and was stopped", engine),
        _ => Limit(ScriptErrorKind.Timeout, "Time limit",
            $"the code ran longer than {Describe(limits.Timeout)} and was stopped", engine),
    };

    public static ScriptException Syntax(ParserException error) =>
        new(ScriptErrorKind.Syntax, "SyntaxError", error.Description ?? error.Message, error.LineNumber,
            error.Column);

    private static ScriptException Limit(ScriptErrorKind kind, string name, string detail, JsEngine? engine)
    {
        var (line, column) = Where(engine?.GetLastSyntaxNode()?.Location);
        return new ScriptException(kind, name, detail, line, column);
    }

    private static ScriptException Thrown(JavaScriptException error, JsEngine? engine, string script)
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

        var (line, column) = Where(error.Location);
        if (line is null)
        {
            (line, column) = Where(engine?.GetLastSyntaxNode()?.Location);
        }

        if (string.IsNullOrWhiteSpace(detail) && line is { } l)
        {
            detail = $"near \"{Snippet(script, l)}\"";
        }

        return new ScriptException(ScriptErrorKind.Runtime, name, detail, line, column);
    }

    // Jint reports 0-based columns for runtime locations; users count from 1.
    private static (int? Line, int? Column) Where(Location? location) =>
        location is { Source: CodeSource } ? (location.Start.Line, location.Start.Column + 1) : (null, null);

    private static string Snippet(string script, int line)
    {
        var lines = script.Split('\n');
        var text = line >= 1 && line <= lines.Length ? lines[line - 1].Trim() : "";
        return text.Length > 80 ? text[..80] + "..." : text;
    }

    private static string Describe(TimeSpan span) => span < TimeSpan.FromSeconds(1)
        ? $"{span.TotalMilliseconds.ToString("0", CultureInfo.InvariantCulture)} ms"
        : $"{span.TotalSeconds.ToString("0.##", CultureInfo.InvariantCulture)} s";

    private static string Describe(long bytes) =>
        $"{(bytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture)} MB";
}
