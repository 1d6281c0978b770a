using System.Diagnostics;
using System.Globalization;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Bench;

/// <summary>
/// The cost of one <c>group(100 records)</c> call, as delivery makes once per batch: in this process
/// (<see cref="JintScriptEvaluator"/>) and through a worker process (<see cref="ScriptWorkerPool"/>), plus a worker's start.
/// </summary>
internal static class ScriptOverhead
{
    private const int Calls = 5_000;

    private const string Code = """
        const group = (records) => [{
          sourceEntity: 'account',
          records: records.map(({ id, name, createdAt, updatedAt }) => ({ id: `cs-${id}`, name, createdAt, updatedAt })),
        }];
        """;

    // The delivery bench's code: the records go out as they came, which a script that never looks at them makes cheap.
    private const string PassThrough = "function group(records) { return [{ sourceEntity: 'account', records: records }]; }";

    public static void Run(int rounds)
    {
        var batch = "[" + string.Join(",", Enumerable.Range(1, BenchOptions.BatchSize).Select(i =>
            $$"""{"id":"acc-{{i}}","name":"Account {{i}}","createdAt":1700000000000,"updatedAt":{{1700000000000L + i}},"ownerEmail":"owner{{i}}@example.com"}""")) + "]";
        var inProcess = new JintScriptEvaluator(new ScriptOptions());
        var start = Stopwatch.StartNew();
        using var pool = new ScriptWorkerPool(new ScriptOptions { Workers = 1 }, TimeProvider.System);
        pool.CallFunction("function group(b) { return 1; }", "group", "[]");
        using var unniced = new ScriptWorkerPool(new ScriptOptions { Workers = 1, WorkerNiceness = 0 }, TimeProvider.System);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"worker start + first call: {start.Elapsed.TotalMilliseconds:N0} ms"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"group({BenchOptions.BatchSize} records): {batch.Length:N0} characters in, {inProcess.CallFunction(Code, "group", batch)!.Length:N0} out; {Calls:N0} calls per pass"));
        for (var round = 0; round < Math.Max(1, rounds); round++)
        {
            foreach (var (name, code) in new[] { ("mapping", Code), ("pass-through", PassThrough) })
            {
                var local = Time(() => inProcess.CallFunction(code, "group", batch));
                var worker = Time(() => pool.CallFunction(code, "group", batch));
                var same = Time(() => unniced.CallFunction(code, "group", batch));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"round {round + 1}, {name}: in-process {local:N1} µs/call, worker {worker:N1} µs/call ({worker / local:0.00}x), worker at nice 0 {same:N1} µs/call ({same / local:0.00}x)"));
            }
        }
    }

    private static double Time(Func<string?> call)
    {
        for (var i = 0; i < 500; i++)
        {
            call();
        }

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < Calls; i++)
        {
            call();
        }

        return watch.Elapsed.TotalMicroseconds / Calls;
    }
}
