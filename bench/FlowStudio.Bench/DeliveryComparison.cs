using System.Globalization;
using FlowStudio.Engine.Http;

namespace FlowStudio.Bench;

/// <summary>
/// The product's delivery (<see cref="ProductDelivery"/>) against a raw HttpClient loop (<see cref="RawDelivery"/>) sending
/// the same request bodies to the same sandbox, rounds alternating which goes first. Prints each pass, records/s of each,
/// the peak working set, and <c>production/raw ratio: X.XX</c> (median of the rounds' ratios) as the last line.
/// </summary>
internal static class DeliveryComparison
{
    public static async Task RunAsync(SandboxPeer sandbox, BenchOptions options)
    {
        using var control = new SandboxControl(sandbox.Root);
        var url = new Uri(ApiUrls.Resolve(sandbox.ClariBaseUrl, "/v2/ingest/entity/account?mode=incremental&isLastBatch=false"));
        using var raw = new RawDelivery(url);
        await using var product = await ProductDelivery.StartAsync(sandbox.Root, options.Records, options.Grouping == "both" ? "property" : options.Grouping);
        var both = options.Grouping == "both";

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{options.Records:N0} records in SQLite, batches of {BenchOptions.BatchSize}, {options.Grouping} grouping, {options.Rounds} rounds, " +
            $"sandbox latency {options.LatencyMs} ms, POST {url} (sandbox {(options.SandboxProcess ? "in a child process" : "in this process")}, " +
            $"{Environment.ProcessorCount} CPUs, one request in flight each)"));
        Console.WriteLine($"same request bodies: {(await product.FirstBodyAsync() == RawDelivery.FirstBody(BenchOptions.BatchSize) ? "yes" : "NO")}");
        if (both)
        {
            product.Grouping = "code";
            Console.WriteLine($"same request bodies with code grouping: {(await product.FirstBodyAsync() == RawDelivery.FirstBody(BenchOptions.BatchSize) ? "yes" : "NO")}");
            product.Grouping = "property";
        }

        async Task<Phase> PassAsync(string name, Func<Task> deliver)
        {
            await control.ResetAsync(options.LatencyMs);
            await WarmUp.JitQuietAsync();
            var phase = await Phase.MeasureAsync(name, options.Records, deliver);
            var (count, distinct, duplicates) = await control.AccountsAsync();
            var check = count == options.Records && distinct == options.Records && duplicates == 0 ? "OK" : "MISMATCH";
            Console.WriteLine(phase);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"        sandbox received {count:N0} records, {distinct:N0} distinct, {duplicates:N0} duplicates: {check}"));
            return check == "OK" ? phase : throw new InvalidOperationException($"The sandbox did not receive exactly the {options.Records:N0} records of the {name} pass.");
        }

        Task ProductPass() => product.DeliverAsync(options.Records, CancellationToken.None);
        Task RawPass() => raw.DeliverAsync(options.Records, CancellationToken.None);

        // A full-size pilot round that does not count warms both paths (connections, JIT, pools, SQLite's cache); its product
        // pass gives the product's peak memory, before the raw loop has run at full size.
        var productPeak = (await PassAsync("pilot product", ProductPass)).PeakWorkingSet;
        await PassAsync("pilot raw", RawPass);
        if (both)
        {
            // Code grouping warms up first, the same way; the rounds below then measure both.
            product.Grouping = "code";
            await PassAsync("pilot code", ProductPass);
            await product.WarmUpAsync(WarmUp.SmallRuns);
            await WarmUpAsync();
            product.Grouping = "property";
        }

        await product.WarmUpAsync(WarmUp.SmallRuns);
        await WarmUpAsync();

        // Each warm-up pass starts from a reset sandbox, as a measured one does: the sandbox then takes new accounts, not updates.
        Task WarmUpAsync() => WarmUp.RunAsync(
            async () =>
            {
                await control.ResetAsync(options.LatencyMs);
                return await Phase.MeasureAsync("warm-up", options.Records, ProductPass);
            },
            async () =>
            {
                await control.ResetAsync(options.LatencyMs);
                await RawPass();
            });

        async Task<Phase> CodePassAsync()
        {
            product.Grouping = "code";
            try
            {
                return await PassAsync("code", ProductPass);
            }
            finally
            {
                product.Grouping = "property";
            }
        }

        var products = new List<Phase>();
        var codes = new List<Phase>();
        var raws = new List<Phase>();
        for (var round = 0; round < options.Rounds; round++)
        {
            if (round % 2 == 0)
            {
                products.Add(await PassAsync("product", ProductPass));
                if (both)
                {
                    codes.Add(await CodePassAsync());
                }

                raws.Add(await PassAsync("raw", RawPass));
            }
            else
            {
                raws.Add(await PassAsync("raw", RawPass));
                if (both)
                {
                    codes.Add(await CodePassAsync());
                }

                products.Add(await PassAsync("product", ProductPass));
            }
        }

        if (both)
        {
            // Property and code grouping in the same round, next to each other: the comparison the raw loop's swings leave alone.
            var shares = codes.Zip(products, (c, p) => c.RecordsPerSecond / p.RecordsPerSecond).ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"code grouping: median {Median(codes.ConvertAll(p => p.RecordsPerSecond)):N0} records/s; code/raw ratio {Median([.. codes.Zip(raws, (c, r) => c.RecordsPerSecond / r.RecordsPerSecond)]):0.00}"));
            Console.WriteLine("code grouping/property grouping per round: " + string.Join(", ", shares.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"code grouping/property grouping: {Median(shares):0.00}"));
        }

        var ratios = products.Zip(raws, (p, r) => p.RecordsPerSecond / r.RecordsPerSecond).ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"median: production {Median(products.ConvertAll(p => p.RecordsPerSecond)):N0} records/s, raw {Median(raws.ConvertAll(p => p.RecordsPerSecond)):N0} records/s"));
        Console.WriteLine("ratio per round: " + string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))));
        Console.WriteLine($"peak working set: after the first product pass {Phase.Megabytes(productPeak)}, at the end {Phase.Megabytes(raws[^1].PeakWorkingSet)}"
            + (options.SandboxProcess ? " (the product alone)" : " (sandbox included)"));
        if (sandbox.ChildPeakWorkingSet is { } childPeak)
        {
            Console.WriteLine($"sandbox child process peak working set: {Phase.Megabytes(childPeak)}");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"production/raw ratio: {Median(ratios):0.00}"));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
