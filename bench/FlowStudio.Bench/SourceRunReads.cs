using System.Globalization;
using System.Net.Http.Json;
using FlowStudio.Application;
using FlowStudio.Application.Credentials;
using FlowStudio.Application.Data;
using FlowStudio.Application.Runs;
using FlowStudio.Application.Sources;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Bench;

/// <summary>
/// Source reads through the product against a raw page loop: the sandbox is reset with N contacts; the product pass runs
/// a "Search Contacts" source the way the run worker does (<see cref="RunLauncher"/>, <see cref="RunProcessor"/>,
/// <c>SourceRunExecutor</c>, the Engine's <c>SourceReader</c>, <c>DatasetWriter</c> into SQLite), each round into a new
/// source's empty dataset; the raw pass fetches the same pages with HttpClient and reads their bodies. Rounds alternate
/// which goes first; the ratio is the median of the rounds' ratios.
/// </summary>
internal static class SourceRunReads
{
    private const int PageSize = 100;

    public static async Task RunAsync(SandboxPeer sandbox, long contacts, int rounds, int latencyMs)
    {
        using var http = ContactSearch.SandboxClient(sandbox.Root);
        await ContactSearch.ResetAsync(http, contacts);

        if (latencyMs > 0)
        {
            // Every ClientSuccess answer comes this much later, as over a real network; both loops wait for it.
            using var faults = await http.PostAsJsonAsync("sandbox/_faults", new { latencyMs });
            faults.EnsureSuccessStatusCode();
        }

        var directory = Directory.CreateTempSubdirectory("flowstudio-bench-");
        try
        {
            await using var app = await StartAppAsync(directory.FullName);
            var credentialId = await CreateCredentialAsync(app, sandbox.Root);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"source reads: {contacts:N0} contacts in pages of {PageSize}, sandbox latency {latencyMs} ms, {rounds} rounds, SQLite at {directory.FullName} ({Environment.ProcessorCount} CPUs)"));

            // Each product pass runs a new source into its own empty dataset; its records are deleted afterwards, so the database
            // stays the size of one pass.
            var passes = 0;
            async Task<Phase> ProductPassAsync()
            {
                var phase = await Phase.MeasureAsync("source run", contacts, () => ProductAsync(app, credentialId, contacts, $"pass {++passes}"));
                await ClearAsync(app);
                return phase;
            }

            Task<Phase> RawPassAsync() => Phase.MeasureAsync("raw pages", contacts, () => RawAsync(http, contacts));

            // A pilot round (connections, SQLite file growth) and warm-up rounds that do not count.
            await ProductPassAsync();
            await RawPassAsync();
            await WarmUp.RunAsync(ProductPassAsync, RawPassAsync);

            var ratios = new List<double>();
            var products = new List<Phase>();
            var raws = new List<Phase>();
            for (var round = 0; round < rounds; round++)
            {
                Phase product;
                Phase raw;
                if (round % 2 == 0)
                {
                    product = await ProductPassAsync();
                    raw = await RawPassAsync();
                }
                else
                {
                    raw = await RawPassAsync();
                    product = await ProductPassAsync();
                }

                Console.WriteLine(product);
                Console.WriteLine(raw);
                Console.WriteLine(await Phase.MeasureAsync("engine only", contacts, () => EngineOnlyAsync(sandbox.Root, contacts)));
                products.Add(product);
                raws.Add(raw);
                ratios.Add(product.RecordsPerSecond / raw.RecordsPerSecond);
            }

            Console.WriteLine("ratio per round: " + string.Join(", ", ratios.Select(r => r.ToString("0.00", CultureInfo.InvariantCulture))));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"median: source run {Median(products.Select(p => p.RecordsPerSecond))} records/s, raw {Median(raws.Select(p => p.RecordsPerSecond))} records/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"source read/raw ratio: {Median(ratios):0.00}"));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    /// <summary>The app's services on a new SQLite database in <paramref name="directory"/>, not started (no scheduler), as the source-read modes use them.</summary>
    internal static async Task<WebApplication> StartAppAsync(string directory)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = HostArguments.For([]), ContentRootPath = directory, EnvironmentName = Environments.Production });
        builder.Logging.ClearProviders();
        builder.Configuration["ConnectionStrings:FlowStudio"] = $"Data Source={Path.Combine(directory, "flowstudio.db")}";
        builder.Configuration["Outbound:Allow:0"] = "127.0.0.1";
        builder.Configuration["Templates:Directory"] = Engine.Templates.TemplateDirectory.Locate()
            ?? throw new InvalidOperationException("templates/ not found above the working directory.");
        builder.AddApplication();
        var app = builder.Build();
        await app.MigrateFlowStudioDataAsync();
        return app;
    }

    private static async Task<string> CreateCredentialAsync(WebApplication app, Uri sandboxRoot)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var (created, errors, _) = await scope.ServiceProvider.GetRequiredService<CredentialService>().CreateAsync(
            new CreateCredentialRequest("clientsuccess", "ClientSuccess bench", new()
            {
                ["baseUrl"] = new Uri(sandboxRoot, "sandbox/clientsuccess").ToString(),
                ["apiKey"] = ContactSearch.ApiKey,
            }), CancellationToken.None);
        return created?.Id ?? throw new InvalidOperationException(string.Join(" ", errors.Select(e => e.Message)));
    }

    /// <summary>Creates a "Search Contacts" source and runs it as the run worker does; checks that every contact reached its dataset.</summary>
    private static async Task ProductAsync(WebApplication app, string credentialId, long contacts, string name)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (source, errors) = await services.GetRequiredService<SourceService>().CreateAsync(
            new CreateSourceRequest($"Contacts {name}", credentialId, "clientsuccess.search-contacts", [], null), CancellationToken.None);
        if (source is null)
        {
            throw new InvalidOperationException(string.Join(" ", errors.Select(e => e.Message)));
        }

        var start = await services.GetRequiredService<RunLauncher>().StartAsync(source.Id, RunKind.Source, automatic: false, CancellationToken.None);
        // The app is not started, so its job scheduler holds the run; the bench executes it here as a worker would.
        await services.GetRequiredService<RunProcessor>().ProcessAsync(new RunRequest(start.RunId, source.Id, RunKind.Source), recovering: false, CancellationToken.None);
        var db = services.GetRequiredService<FlowStudioDb>();
        var run = await db.Runs.AsNoTracking().FirstAsync(r => r.Id == start.RunId);
        var stored = await db.DatasetRecords.CountAsync(r => r.DatasetId == source.DatasetId);
        if (run.Status != RunStatus.Succeeded || run.RecordsRead != contacts || stored != contacts)
        {
            throw new InvalidOperationException($"The source run {run.Status} ({run.Error}) read {run.RecordsRead:N0} records and stored {stored:N0}, not {contacts:N0}.");
        }
    }

    /// <summary>Removes the records the passes stored.</summary>
    private static async Task ClearAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FlowStudioDb>().Database.ExecuteSqlRawAsync("DELETE FROM \"DatasetRecords\"");
    }

    /// <summary>The same pages, fetched one after another and read whole, as the source run asks for them.</summary>
    private static async Task RawAsync(HttpClient http, long contacts)
    {
        var pages = (contacts + PageSize - 1) / PageSize;
        long bytes = 0;
        for (var page = 0; page < pages; page++)
        {
            using var response = await http.GetAsync($"sandbox/clientsuccess/v2/contact/search?page={page}&size={PageSize}");
            response.EnsureSuccessStatusCode();
            bytes += (await response.Content.ReadAsByteArrayAsync()).Length;
        }

        if (bytes == 0)
        {
            throw new InvalidOperationException("The raw loop read nothing.");
        }
    }

    /// <summary>The Engine's source reader alone (no database), for where the time goes.</summary>
    private static async Task EngineOnlyAsync(Uri sandboxRoot, long contacts)
    {
        var config = ContactSearch.Config();
        var connection = ContactSearch.ConnectionTo(sandboxRoot);
        using var http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        var reader = ContactSearch.Reader(http);
        long records = 0;
        string? lastUrl = null;
        await foreach (var page in reader.ReadPagesAsync(connection, config, null, null, r => lastUrl = r.Url, CancellationToken.None))
        {
            records += page.Count;
        }

        if (records != contacts)
        {
            throw new InvalidOperationException($"The engine read {records:N0} records (last {lastUrl}).");
        }
    }

    private static string Median(IEnumerable<double> values) =>
        Median(values.ToList()).ToString("N0", CultureInfo.InvariantCulture);

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
