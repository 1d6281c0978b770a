using System.Text.Json;
using FlowStudio.Web.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace FlowStudio.Web.Tests.Data;

/// <summary>Statuses and kinds are enums in the code and the same lowercase words as ever in the database and the API.</summary>
[Collection(AppCollection.Name)]
public sealed class StoredWordsTests(FlowStudioApp app)
{
    [Fact]
    public void Words_InTheDatabaseAndTheApi_AreTheWordsUsedBeforeTheEnums()
    {
        AssertWords<ResourceStatus>("paused", "active");
        AssertWords<SourceKind>("api", "webhook");
        AssertWords<RunKind>("source", "destination", "sync");
        AssertWords<RunStatus>("running", "succeeded", "failed", "cancelled");
        AssertWords<DeliveryStateOutcome>("failed", "dead");
        AssertWords<SyncObject>("client", "contact");
    }

    [Fact]
    public async Task SaveChanges_StoresTheWords_AndReadsAndFiltersRowsByThem()
    {
        await using var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        await using var db = Create(connection);
        await db.Database.EnsureCreatedAsync();
        db.Sources.Add(new Source { Id = "src_1", Name = "Orders", Kind = SourceKind.Webhook, Status = ResourceStatus.Active, DatasetId = "ds_1" });
        db.Destinations.Add(new Destination { Id = "dst_1", Name = "Pulses", DatasetId = "ds_1", CredentialId = "cred_1" });
        db.Runs.Add(new Run { Id = "run_1", ResourceId = "dst_1", Kind = RunKind.Destination, Status = RunStatus.Cancelled });
        await db.SaveChangesAsync();

        Assert.Equal(
            ["webhook active", "paused", "destination cancelled"],
            [
                await WordAsync(connection, "SELECT Kind || ' ' || Status FROM Sources"),
                await WordAsync(connection, "SELECT Status FROM Destinations"),
                await WordAsync(connection, "SELECT Kind || ' ' || Status FROM Runs"),
            ]);

        await db.Database.ExecuteSqlRawAsync("UPDATE Runs SET Status = 'failed'");
        var failed = db.Runs.AsNoTracking().Where(r => r.Status == RunStatus.Failed && r.Kind == RunKind.Destination);
        Assert.Contains("'failed'", failed.ToQueryString(), StringComparison.Ordinal);
        Assert.Equal("run_1", Assert.Single(await failed.ToListAsync()).Id);
    }

    private void AssertWords<TEnum>(params string[] words)
        where TEnum : struct, Enum
    {
        var json = app.Services.GetRequiredService<IOptions<HttpJsonOptions>>().Value.SerializerOptions;
        var values = Enum.GetValues<TEnum>();
        Assert.Equal(words, values.Select(v => v.ToWord()));
        Assert.Equal(words.Select(w => $"\"{w}\""), values.Select(v => JsonSerializer.Serialize(v, json)));
        Assert.Equal(values, words.Select(StoredWords.Parse<TEnum>));
    }

    private static async Task<string> WordAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (string)(await command.ExecuteScalarAsync())!;
    }

    private static FlowStudioDb Create(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<FlowStudioDb>()
            .UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);
}
