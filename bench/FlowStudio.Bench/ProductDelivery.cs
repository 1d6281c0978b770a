using FlowStudio.Application;
using FlowStudio.Application.Credentials;
using FlowStudio.Application.Data;
using FlowStudio.Application.Destinations;
using FlowStudio.Application.Runs;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Bench;

/// <summary>
/// Delivers through the product: the application's own services (SQLite database, delivery state, planner, payload builder
/// and grouping, the destination run executor) from a dataset stored in SQLite, as an activated destination does. Each pass
/// delivers the whole dataset to a new destination (so to a fresh offset), through a run row like any other run.
/// </summary>
internal sealed class ProductDelivery : IAsyncDisposable
{
    /// <summary>The code that groups a batch into the same body the "Upload Entity Data" template builds by property.</summary>
    private const string GroupingCode = "function group(records) { return [{ sourceEntity: 'account', records: records }]; }";

    private readonly WebApplication _app;
    private readonly string _directory;
    private readonly string _datasetId;
    private readonly string _credentialId;

    private ProductDelivery(WebApplication app, string directory, string datasetId, string credentialId, string grouping)
    {
        _app = app;
        _directory = directory;
        _datasetId = datasetId;
        _credentialId = credentialId;
        Grouping = grouping;
    }

    /// <summary>How the next deliveries group each batch: <c>code</c> or <c>property</c>.</summary>
    public string Grouping { get; set; }

    /// <summary>A host on a new SQLite database in a temporary folder, with a Clari credential for the sandbox and a dataset of <paramref name="records"/> accounts.</summary>
    public static async Task<ProductDelivery> StartAsync(Uri sandboxRoot, long records, string grouping)
    {
        var directory = Directory.CreateTempSubdirectory("flowstudio-bench-").FullName;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = HostArguments.For([]), EnvironmentName = "Production", ContentRootPath = directory });
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:FlowStudio"] = $"Data Source={Path.Combine(directory, "flowstudio.db")}",
            ["Sandbox:Enabled"] = "false",
            ["Templates:Directory"] = TemplatesDirectory(),
            ["Outbound:Allow:0"] = $"127.0.0.1:{sandboxRoot.Port}",
            // One pass with one request in flight, as the raw loop sends: a large run is not split into slices (which deliver
            // several at once, through the job scheduler this host does not start).
            ["Engine:DeliverySliceRecords"] = "0",
        });
        builder.AddApplication();
        var app = builder.Build();
        await app.MigrateFlowStudioDataAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var (credential, errors, _) = await scope.ServiceProvider.GetRequiredService<CredentialService>().CreateAsync(
            new CreateCredentialRequest("clari", "Bench Clari", new Dictionary<string, string?>
            {
                ["baseUrl"] = new Uri(sandboxRoot, "/sandbox/clari").ToString(),
                ["apiKey"] = RawDelivery.ApiKey,
                ["partnerKey"] = RawDelivery.PartnerKey,
            }),
            CancellationToken.None);
        if (credential is null)
        {
            throw new InvalidOperationException("The bench credential was refused: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        var datasetId = "ds_bench";
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        await StoreDatasetAsync(db, datasetId, records);
        await StoreDatasetAsync(db, WarmUpDatasetId, WarmUpRecords);
        return new ProductDelivery(app, directory, datasetId, credential.Id, grouping);
    }

    /// <summary>The first request body the destination sends, built by the product's sample payloads (the same code that sends).</summary>
    public async Task<string> FirstBodyAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var (payloads, errors) = await scope.ServiceProvider.GetRequiredService<SamplePayloads>().BuildAsync(Request("sample"), CancellationToken.None);
        return payloads?.FirstOrDefault()?.Body ?? throw new InvalidOperationException(string.Join("; ", errors.Select(e => e.Message)));
    }

    private const string WarmUpDatasetId = "ds_warm_up";
    private const int WarmUpRecords = 1_000;

    /// <summary>
    /// Small deliveries (1,000 records each) through new destinations' runs, as a server that has run many of them: code that
    /// runs once per run is compiled for good only after some 30 runs.
    /// </summary>
    public async Task WarmUpAsync(int runs)
    {
        for (var i = 0; i < runs; i++)
        {
            await DeliverAsync(WarmUpDatasetId, WarmUpRecords, CancellationToken.None);
        }
    }

    /// <summary>Delivers the whole dataset through a new destination's run; throws unless every record was sent.</summary>
    public Task DeliverAsync(long count, CancellationToken cancellationToken) => DeliverAsync(_datasetId, count, cancellationToken);

    private async Task DeliverAsync(string datasetId, long count, CancellationToken cancellationToken)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var (destination, errors) = await services.GetRequiredService<DestinationService>().CreateAsync(Request(Guid.NewGuid().ToString("N")[..8], datasetId), cancellationToken);
        if (destination is null)
        {
            throw new InvalidOperationException("The bench destination was refused: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        var db = services.GetRequiredService<FlowStudioDb>();
        var run = new Run { Id = "run_" + Guid.NewGuid().ToString("N")[..12], ResourceId = destination.Id, Kind = RunKind.Destination, StartedAt = DateTime.UtcNow };
        db.Runs.Add(run);
        await db.SaveChangesAsync(cancellationToken);
        var executor = services.GetServices<IRunExecutor>().Single(e => e.Kind == RunKind.Destination);
        await executor.ExecuteAsync(new RunRequest(run.Id, destination.Id, RunKind.Destination), cancellationToken);
        await db.Entry(run).ReloadAsync(cancellationToken);
        if (run.Status != RunStatus.Succeeded || run.RecordsSent != count || run.RecordsFailed != 0)
        {
            throw new InvalidOperationException($"The product's run ended {run.Status} with {run.RecordsSent} sent and {run.RecordsFailed} failed: {run.Error}");
        }
    }

    private CreateDestinationRequest Request(string name, string? datasetId = null) => Grouping == "code"
        ? new CreateDestinationRequest($"Bench {name}", datasetId ?? _datasetId, _credentialId, null, null, new ManualDestinationRequest(
            "POST", "json", "/v2/ingest/entity/account?mode=incremental&isLastBatch=false", null, null,
            new BatchingRequest(true, BenchOptions.BatchSize, "code", null, null, GroupingCode), null))
        : new CreateDestinationRequest($"Bench {name}", datasetId ?? _datasetId, _credentialId, "clari.upload-entity-data",
            new Dictionary<string, string?> { ["entityType"] = "account", ["mode"] = "incremental", ["isLastBatch"] = "false" }, null);

    /// <summary>The accounts as a source stores them: one row per record, its compact JSON text, written in one transaction.</summary>
    private static async Task StoreDatasetAsync(FlowStudioDb db, string datasetId, long records)
    {
        db.Datasets.Add(new Dataset { Id = datasetId, Name = $"Bench accounts {datasetId}", RecordCount = records, CreatedAt = DateTime.UtcNow });
        await db.SaveChangesAsync();
        var connection = (SqliteConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO DatasetRecords (DatasetId, DataJson, CreatedAt) VALUES ($dataset, $json, $at)";
        insert.Parameters.AddWithValue("$dataset", datasetId);
        var json = insert.Parameters.Add("$json", SqliteType.Text);
        insert.Parameters.AddWithValue("$at", DateTime.UtcNow);
        foreach (var record in ClariRecords.ForEngine(records))
        {
            json.Value = record.Json;
            await insert.ExecuteNonQueryAsync();
        }

        await transaction.CommitAsync();
    }

    private static string TemplatesDirectory()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                var candidate = Path.Combine(directory.FullName, "templates");
                if (File.Exists(Path.Combine(candidate, "clari.destination.json")))
                {
                    return candidate;
                }
            }
        }

        throw new InvalidOperationException("No templates/ folder above the working directory; run the benchmark from the repository.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner.
        }
    }
}
