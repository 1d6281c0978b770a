using System.Globalization;
using FlowStudio.Bench;
using FlowStudio.Engine.Http;

// Engine vs. a plain HttpClient loop, delivering the same Clari account batches to the sandbox.
// dotnet run -c Release --project bench/FlowStudio.Bench -- --records 1000000 [--sandbox-process]
var options = BenchOptions.Parse(args);
await using var sandbox = await SandboxPeer.StartAsync(options.SandboxProcess);
using var control = new SandboxControl(sandbox.Root);
using var engine = new EngineDelivery(sandbox.ClariBaseUrl);
var first = engine.FirstPayload(BenchOptions.BatchSize);
var url = new Uri(ApiUrls.Resolve(sandbox.ClariBaseUrl, first.Url));
using var raw = new RawDelivery(url);

Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"{options.Records:N0} records, batches of {BenchOptions.BatchSize}, POST {url} (sandbox {(options.SandboxProcess ? "in a child process" : "in this process")})"));
Console.WriteLine($"same request bodies: {(first.Body == RawDelivery.FirstBody(BenchOptions.BatchSize) ? "yes" : "NO")}");

// Warm both paths up (JIT, connections) before measuring.
var warmup = Math.Min(options.Records, 2_000);
await engine.DeliverAsync(warmup, CancellationToken.None);
await raw.DeliverAsync(warmup, CancellationToken.None);

var phases = new List<Phase>();
foreach (var (name, deliver) in new (string, Func<Task>)[]
{
    ("engine", () => engine.DeliverAsync(options.Records, CancellationToken.None)),
    ("raw", () => raw.DeliverAsync(options.Records, CancellationToken.None)),
})
{
    await control.ResetAsync();
    var phase = await Phase.MeasureAsync(name, options.Records, deliver);
    var (count, distinct, duplicates) = await control.AccountsAsync();
    var check = count == options.Records && distinct == options.Records && duplicates == 0 ? "OK" : "MISMATCH";
    Console.WriteLine(phase);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"        sandbox received {count:N0} records, {distinct:N0} distinct, {duplicates:N0} duplicates: {check}"));
    phases.Add(phase);
}

if (sandbox.ChildPeakWorkingSet is { } childPeak)
{
    Console.WriteLine($"sandbox child process peak working set: {Phase.Megabytes(childPeak)}");
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"engine/raw ratio: {phases[0].RecordsPerSecond / phases[1].RecordsPerSecond:0.00}"));
