using FlowStudio.Bench;

// The product's delivery (the host's services over SQLite) vs. a plain HttpClient loop, sending the same Clari account batches to the sandbox.
// dotnet run -c Release --project bench/FlowStudio.Bench -- --records 1000000 [--rounds 5] [--latency-ms 0] [--grouping code|property] [--sandbox-process]
// dotnet run -c Release --project bench/FlowStudio.Bench -- --sources   (source reads: 300 pulses, 1,000 contacts)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --scripts   (group(100 records): in-process vs a worker process)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --ui-pages 20   (web server working set with 1 and 20 editor pages)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --sandbox-pages [--records 100000]   (sandbox reset and page times)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --source-reads [--records 100000] [--rounds 5] [--latency-ms 0]   (a source run into SQLite vs raw page fetches)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --reader-cpu [--records 100000]   (the source reader alone, pages from memory)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --writer-cpu [--records 100000]   (the dataset writer alone, records from memory into SQLite)
// dotnet run -c Release --project bench/FlowStudio.Bench -- --workers 2 --database postgres --records 200000 --latency-ms 20   (one delivery shared by worker processes)
var sandboxPages = args.Contains("--sandbox-pages");
var sourceReads = args.Contains("--source-reads");
var options = BenchOptions.Parse([.. args.Where(arg => arg is not "--sandbox-pages" and not "--source-reads" and not "--reader-cpu" and not "--writer-cpu")]);
if (options.UiPages > 0)
{
    await UiMemory.RunAsync(options.UiPages);
    return;
}

if (options.Workers > 0)
{
    await SharedDelivery.RunAsync(options);
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

if (args.Contains("--reader-cpu"))
{
    await ReaderCpu.RunAsync(sandbox, options.Records);
    return;
}

if (args.Contains("--writer-cpu"))
{
    await WriterCpu.RunAsync(sandbox, options.Records);
    return;
}

if (sourceReads)
{
    await SourceRunReads.RunAsync(sandbox, options.Records, options.Rounds, options.LatencyMs);
    return;
}

if (options.Sources)
{
    await SourceReads.RunAsync(sandbox, options.Rounds);
    return;
}

await DeliveryComparison.RunAsync(sandbox, options);
