using System.Globalization;

namespace FlowStudio.Bench;

/// <summary>Command line: <c>--records N</c> (default 100,000), <c>--sandbox-process</c> (run the sandbox as a child process).</summary>
internal sealed record BenchOptions(long Records, bool SandboxProcess)
{
    public const int BatchSize = 100;

    public static BenchOptions Parse(string[] args)
    {
        long records = 100_000;
        var sandboxProcess = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--records" when i + 1 < args.Length:
                    records = long.Parse(args[++i].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--sandbox-process":
                    sandboxProcess = true;
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --records N [--sandbox-process].");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        return new BenchOptions(records, sandboxProcess);
    }
}
