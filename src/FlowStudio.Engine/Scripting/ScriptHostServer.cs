using System.Text.Json;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// The worker side of <see cref="ScriptWorkerPool"/>: <c>FlowStudio.ScriptHost</c> calls <see cref="Run"/>, which runs
/// scripts with <see cref="JintScriptEvaluator"/>, one at a time, for requests read from stdin, and writes the replies to
/// stdout (<see cref="ScriptHostFrames"/>). It ends when stdin closes, so a worker never outlives its parent.
/// </summary>
public static class ScriptHostServer
{
    /// <summary>Serves requests until stdin closes; <paramref name="args"/>[0] is the <see cref="ScriptOptions"/> as JSON.</summary>
    /// <returns>The process exit code.</returns>
    public static int Run(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var options = args.Length > 0
            ? JsonSerializer.Deserialize<ScriptOptions>(args[0]) ?? new ScriptOptions()
            : new ScriptOptions();
        using var input = new BufferedStream(Console.OpenStandardInput(), 64 * 1024);
        using var output = new BufferedStream(Console.OpenStandardOutput(), 64 * 1024);
        new ScriptHostLoop(new JintScriptEvaluator(options), input, output).Run();
        return 0;
    }
}
