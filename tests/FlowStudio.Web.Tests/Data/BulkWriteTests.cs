using FlowStudio.Application.Data;
using FlowStudio.Application.Datasets;
using FlowStudio.Engine.Sources;
using FlowStudio.Web.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Data;

/// <summary>What keeps a bulk write (a source run's records) from stalling: pages of 8 KB, the database file checkpointed in the background, and no watcher waking on each write.</summary>
public sealed class BulkWriteTests
{
    private const int Records = 5_000;

    [SqliteFact]
    public async Task RecordsWritten_ReachTheDatabaseFile_WithoutWaitingForSQLitesOwnCheckpoint()
    {
        using var app = new FlowStudioApp();
        var file = Path.Combine(app.DataDirectory, "flowstudio.db");
        var datasetId = "ds_bulk_" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            db.Datasets.Add(new Dataset { Id = datasetId, Name = "Bulk " + datasetId, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        var before = new FileInfo(file).Length;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var padding = new string('x', 1_000);
            var written = await scope.ServiceProvider.GetRequiredService<DatasetWriter>().WriteAsync(
                datasetId, null, RecordsAsync(padding), _ => Task.CompletedTask, CancellationToken.None);
            Assert.Equal(Records, written);
        }

        // About 5 MB of records: SQLite alone would leave them in the WAL until it holds 40 MB (wal_autocheckpoint = 5,000 pages of 8 KB).
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (new FileInfo(file).Length - before < 4_000_000 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        Assert.True(new FileInfo(file).Length - before >= 4_000_000,
            $"the database file grew by {new FileInfo(file).Length - before:N0} bytes after {Records:N0} records of 1 KB were committed");
    }

    [SqliteFact]
    public async Task ANewDatabase_Has8KilobytePages_InWalMode()
    {
        using var app = new FlowStudioApp();
        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(app.DataDirectory, "flowstudio.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        Assert.Equal(8_192L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA journal_mode";
        Assert.Equal("wal", await command.ExecuteScalarAsync());
    }

    [Fact]
    public void SettingsFiles_AreReadOnce_SoNoWatcherWakesOnEveryDatabaseWrite()
    {
        using var app = new FlowStudioApp();
        var configuration = (IConfigurationRoot)app.Services.GetRequiredService<IConfiguration>();
        var files = configuration.Providers.OfType<FileConfigurationProvider>().ToList();

        Assert.Contains(files, f => f.Source.Path == "appsettings.json");
        Assert.All(files, f => Assert.False(f.Source.ReloadOnChange, $"{f.Source.Path} is watched for changes"));
    }

    private static async IAsyncEnumerable<SourceRecord> RecordsAsync(string padding)
    {
        for (var i = 0; i < Records; i++)
        {
            yield return SourceRecord.FromJson($$"""{"id":{{i}},"padding":"{{padding}}"}""");
        }

        await Task.CompletedTask;
    }
}
