using FlowStudio.Bench;

// The product's delivery (the host's services over SQLite) vs. a plain HttpClient loop, sending the same Clari account batches to the sandbox.
// dotnet run -c Release --project bench/FlowStudio.Bench -- --records 1000000 [--rounds 5] [--latency-ms 0] [--grouping code|property] [--sandbox-process]
// dotnet run -c Release --project bench/FlowStudio.Bench -- --sources   (source reads: 300 pulses, 1,000 contacts)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --scripts   (group(100 records): in-process vs a worker process)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --ui-pages 20   (web server working set with 1 and 20 editor pages)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --sandbox-pages [--records 100000]   (sandbox reset and page times)
var sandboxPages = args.Contains("--sandbox-pages");
var options = BenchOptions.Parse([.. args.Where(arg => arg != "--sandbox-pages")]);
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

if (options.Sources)
{
    await SourceReads.RunAsync(sandbox, options.Rounds);
    return;
}

await DeliveryComparison.RunAsync(sandbox, options);
