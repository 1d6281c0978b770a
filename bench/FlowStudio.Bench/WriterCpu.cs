using System.Diagnostics;
using System.Globalization;
using FlowStudio.Application.Data;
using FlowStudio.Application.Datasets;
using FlowStudio.Engine.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Bench;

/// <summary>
/// The dataset writer alone: the "Search Contacts" records of N contacts are read once (pages from the sandbox, records made
/// by the engine's reader), then written into a source's empty dataset in SQLite 20 times, as a source run writes its pages.
/// Prints each round and the median of the last ten: the CPU a source run spends on storing, apart from reading.
/// </summary>
internal static class WriterCpu
{
    private const int Rounds = 20;

    public static async Task RunAsync(SandboxPeer sandbox, long contacts)
    {
        using var http = ContactSearch.SandboxClient(sandbox.Root);
        await ContactSearch.ResetAsync(http, contacts);
        var config = ContactSearch.Config();
        using var client = new HttpClient();
        var pages = new List<IReadOnlyList<SourceRecord>>();
        await foreach (var page in ContactSearch.Reader(client).ReadPagesAsync(ContactSearch.ConnectionTo(sandbox.Root), config, null, null, null, CancellationToken.None))
        {
            pages.Add(page);
        }

        var directory = Directory.CreateTempSubdirectory("flowstudio-bench-");
        try
        {
            await using var app = await SourceRunReads.StartAppAsync(directory.FullName);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"writer CPU: {pages.Sum(p => p.Count):N0} records ({pages.Sum(p => p.Sum(r => r.Utf8Json.Length)) / pages.Sum(p => p.Count):N0} bytes each) in {pages.Count:N0} pages, {Rounds} rounds"));
            var cpus = new List<double>();
            for (var round = 1; round <= Rounds; round++)
            {
                var datasetId = Guid.NewGuid().ToString("N");
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
                    db.Datasets.Add(new Dataset { Id = datasetId, Name = $"bench {round}" });
                    await db.SaveChangesAsync();
                }

                using var self = Process.GetCurrentProcess();
                var cpu = self.TotalProcessorTime;
                var watch = Stopwatch.StartNew();
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var written = await scope.ServiceProvider.GetRequiredService<DatasetWriter>().WritePagesAsync(
                        datasetId, config.Key, pages.ToAsyncEnumerable(), _ => { }, _ => Task.CompletedTask, CancellationToken.None);
                    if (written != contacts)
                    {
                        throw new InvalidOperationException($"The writer wrote {written:N0} records, not {contacts:N0}.");
                    }
                }

                self.Refresh();
                var used = (self.TotalProcessorTime - cpu).TotalMilliseconds;
                cpus.Add(used);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: {watch.Elapsed.TotalMilliseconds:0} ms, CPU {used:0} ms"));
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().Database.ExecuteSqlRawAsync("DELETE FROM \"DatasetRecords\"");
                }
            }

            var last = cpus.TakeLast(10).Order().ToList();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"writer CPU per 100,000 records (median of the last 10 rounds): {(last[4] + last[5]) / 2 * 100_000 / contacts:0} ms"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }
}
