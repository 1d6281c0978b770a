using System.Globalization;
using FlowStudio.Bench;
using FlowStudio.Engine.Http;

// Engine vs. a plain HttpClient loop, delivering the same Clari account batches to the sandbox.
// dotnet run -c Release --project bench/FlowStudio.Bench -- --records 1000000 [--rounds 5] [--latency-ms 0] [--sandbox-process]
// dotnet run -c Release --project bench/FlowStudio.Bench -- --sources   (source reads: 300 pulses, 1,000 contacts)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --scripts   (group(100 records): in-process vs a worker process)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --ui-pages 20   (web server working set with 1 and 20 editor pages)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --sandbox-pages [--records 100000]   (sandbox reset and page times)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --source-reads [--records 100000] [--rounds 5]   (a source run into SQLite vs raw page fetches)
var sandboxPages = args.Contains("--sandbox-pages");
var sourceReads = args.Contains("--source-reads");
var options = BenchOptions.Parse([.. args.Where(arg => arg is not "--sandbox-pages" and not "--source-reads")]);
if (options.UiPages > 0)
{
    await UiMemory.RunAsync(options.UiPages);
    return;
}

if (options.Scripts)
{
    ScriptOverhead.Run(options.Rounds);
    return;
}

await using var sandbox = await SandboxPeer.StartAsync(options.SandboxProcess);
if (sandboxPages)
{
    await SandboxPages.RunAsync(sandbox, options.Records);
    return;
}

if (sourceReads)
{
    await SourceRunReads.RunAsync(sandbox, options.Records, options.Rounds);
    return;
}

if (options.Sources)
{
    await SourceReads.RunAsync(sandbox, options.Rounds);
    return;
}

using var control = new SandboxControl(sandbox.Root);
using var engine = new EngineDelivery(sandbox.ClariBaseUrl);
var first = engine.FirstPayload(BenchOptions.BatchSize);
var url = new Uri(ApiUrls.Resolve(sandbox.ClariBaseUrl, first.Url));
using var raw = new RawDelivery(url);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Records:N0} records, batches of {BenchOptions.BatchSize}, {options.Rounds} rounds, sandbox latency {options.LatencyMs} ms, POST {url} " +
    $"(sandbox {(options.SandboxProcess ? "in a child process" : "in this process")}, {Environment.ProcessorCount} CPUs)"));
Console.WriteLine($"same request bodies: {(first.Body == RawDelivery.FirstBody(BenchOptions.BatchSize) ? "yes" : "NO")}");

// Warm both paths up before measuring (300 requests each, in three rounds): connections, pools and caches, and with
// --sandbox-process the child's tiered JIT (this process compiles optimised code up front).
var warmup = Math.Min(options.Records, 10_000);
for (var i = 0; i < 3; i++)
{
    await control.ResetAsync(options.LatencyMs);
    await engine.DeliverAsync(warmup, CancellationToken.None);
    await raw.DeliverAsync(warmup, CancellationToken.None);
    await Task.Delay(200);
}

var engines = new List<Phase>();
var raws = new List<Phase>();

// Then one full-size pilot round that does not count: the first pass at full size was the slowest of every run,
// whichever path it was (the processes' heaps grow to their working size then). Its engine pass gives the engine's
// peak memory: before the raw loop has run at full size, the process peak is the engine's (sandbox included when
// in-process).
var enginePeak = (await PassAsync("pilot engine", () => engine.DeliverAsync(options.Records, CancellationToken.None))).PeakWorkingSet;
await PassAsync("pilot raw", () => raw.DeliverAsync(options.Records, CancellationToken.None));

// Each round runs both passes back to back, so they see the same machine; which goes first alternates, so neither
// always pays for the other's garbage. The ratio is the median of the rounds' ratios: one lucky or unlucky pass on a
// shared machine moves it less than it moves a best-of-each comparison.
for (var round = 0; round < options.Rounds; round++)
{
    if (round % 2 == 0)
    {
        engines.Add(await PassAsync("engine", () => engine.DeliverAsync(options.Records, CancellationToken.None)));
        raws.Add(await PassAsync("raw", () => raw.DeliverAsync(options.Records, CancellationToken.None)));
    }
    else
    {
        raws.Add(await PassAsync("raw", () => raw.DeliverAsync(options.Records, CancellationToken.None)));
        engines.Add(await PassAsync("engine", () => engine.DeliverAsync(options.Records, CancellationToken.None)));
    }
}

var ratios = engines.Zip(raws, (e, r) => e.RecordsPerSecond / r.RecordsPerSecond).ToList();
var median = Median(ratios);

var bestEngine = engines.MaxBy(p => p.RecordsPerSecond)!;
var bestRaw = raws.MaxBy(p => p.RecordsPerSecond)!;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"best: engine {bestEngine.RecordsPerSecond:N0} records/s, raw {bestRaw.RecordsPerSecond:N0} records/s (ratio of the bests {bestEngine.RecordsPerSecond / bestRaw.RecordsPerSecond:0.00})"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: engine {Median(engines.Select(p => p.RecordsPerSecond).ToList()):N0} records/s, raw {Median(raws.Select(p => p.RecordsPerSecond).ToList()):N0} records/s"));
Console.WriteLine("ratio per round: " + string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))));
Console.WriteLine($"peak working set: after the first engine pass {Phase.Megabytes(enginePeak)}, at the end {Phase.Megabytes(raws[^1].PeakWorkingSet)}"
    + (options.SandboxProcess ? " (the engine alone)" : " (sandbox included)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"GC: {GC.CollectionCount(0)} gen0, {GC.CollectionCount(1)} gen1, {GC.CollectionCount(2)} gen2 collections; server GC {System.Runtime.GCSettings.IsServerGC}"));
if (sandbox.ChildPeakWorkingSet is { } childPeak)
{
    Console.WriteLine($"sandbox child process peak working set: {Phase.Megabytes(childPeak)}");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine/raw ratio: {median:0.00}"));

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
}

async Task<Phase> PassAsync(string name, Func<Task> deliver)
{
    await control.ResetAsync(options.LatencyMs);
    var phase = await Phase.MeasureAsync(name, options.Records, deliver);
    var (count, distinct, duplicates) = await control.AccountsAsync();
    var check = count == options.Records && distinct == options.Records && duplicates == 0 ? "OK" : "MISMATCH";
    Console.WriteLine(phase);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"        sandbox received {count:N0} records, {distinct:N0} distinct, {duplicates:N0} duplicates: {check}"));
    if (check != "OK")
    {
        throw new InvalidOperationException($"The sandbox did not receive exactly the {options.Records:N0} records of the {name} pass.");
    }

    return phase;
}
