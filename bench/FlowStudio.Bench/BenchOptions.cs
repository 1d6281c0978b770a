using System.Globalization;

namespace FlowStudio.Bench;

/// <summary>
/// Command line: <c>--records N</c> (default 100,000), <c>--grouping code|property|both</c> (how the product groups each batch; default property; both: the two in each round, compared), <c>--rounds R</c> (rounds of one product and one raw pass, which goes
/// first alternating; the ratio is the median of the rounds' ratios; default 5), <c>--latency-ms L</c> (the sandbox answers each call L ms later, like a real network;
/// default 0), <c>--sandbox-process</c> (run the sandbox as a child process), <c>--sources</c> (instead: time the source
/// engine reading the sandbox's 300 pulses and 1,000 contacts through their templates), <c>--scripts</c> (instead: the cost of one
/// <c>group(100 records)</c> call in this process and through a script worker process), <c>--ui-pages N</c> (instead: the web
/// server's working set with 1 and with N open destination editor pages), <c>--workers N --database postgres</c> (instead: one
/// delivery shared by 1 and then N worker processes on a throwaway PostgreSQL).
/// </summary>
internal sealed record BenchOptions(
    long Records, int Rounds, int LatencyMs, bool SandboxProcess, bool Sources = false, bool Scripts = false, int UiPages = 0, string Grouping = "property", int Workers = 0)
{
    public const int BatchSize = 100;

    public static BenchOptions Parse(string[] args)
    {
        long records = 100_000;
        var rounds = 5;
        var latencyMs = 0;
        var sandboxProcess = false;
        var sources = false;
        var scripts = false;
        var uiPages = 0;
        var grouping = "property";
        var workers = 0;
        var database = "sqlite";
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--records" when i + 1 < args.Length:
                    records = long.Parse(args[++i].Replace("_", "", StringComparison.Ordinal), NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--rounds" when i + 1 < args.Length:
                    rounds = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--latency-ms" when i + 1 < args.Length:
                    latencyMs = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--grouping" when i + 1 < args.Length && args[i + 1] is "code" or "property" or "both":
                    grouping = args[++i];
                    break;
                case "--sandbox-process":
                    sandboxProcess = true;
                    break;
                case "--sources":
                    sources = true;
                    break;
                case "--scripts":
                    scripts = true;
                    break;
                case "--ui-pages" when i + 1 < args.Length:
                    uiPages = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--workers" when i + 1 < args.Length:
                    workers = int.Parse(args[++i], NumberStyles.Integer, CultureInfo.InvariantCulture);
                    break;
                case "--database" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres":
                    database = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. Use --records N [--rounds R] [--latency-ms L] [--grouping code|property|both] [--sandbox-process], or --sources, or --scripts, or --ui-pages N, or --workers N --database postgres.");
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(records, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(latencyMs);
        ArgumentOutOfRangeException.ThrowIfNegative(workers);
        if (workers > 0 && database != "postgres")
        {
            throw new ArgumentException("--workers N shares one delivery between worker processes, which needs --database postgres.");
        }

        return new BenchOptions(records, rounds, latencyMs, sandboxProcess, sources, scripts, uiPages, grouping, workers);
    }
}
