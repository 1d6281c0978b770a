using FlowStudio.Application.Data;
using FlowStudio.Application.Datasets;
using FlowStudio.Engine.Sources;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Data;

/// <summary>What a dataset stores of the records written into it: their text exactly, their keys and when they came; a key repeated within one commit (PostgreSQL once refused that).</summary>
public sealed class DatasetWriterTests
{
    [Fact]
    public async Task Records_AreStoredAsTheirText_WithKeysAndTime_AndARepeatedKeyReplacesItsRecord_EvenInOneCommit()
    {
        using var app = new FlowStudioApp();
        var datasetId = "ds_writer_" + Guid.NewGuid().ToString("N")[..8];
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            db.Datasets.Add(new Dataset { Id = datasetId, Name = "Writer " + datasetId, CreatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }

        string[] texts =
        [
            """{"id":1,"name":"Zoë Ångström","city":"東京","note":"emoji 🚀 and \"quotes\""}""",
            """{"id":2,"name":"Plain","amount":1.50,"tags":["a","b"]}""",
            """{"id":1,"name":"Zoë Ångström, moved","city":"大阪"}""",
        ];
        var before = DateTime.UtcNow.AddSeconds(-1);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var written = await scope.ServiceProvider.GetRequiredService<DatasetWriter>().WriteAsync(
                datasetId, "id", texts.Select(SourceRecord.FromJson).ToAsyncEnumerable(), _ => Task.CompletedTask, CancellationToken.None);
            Assert.Equal(3, written);
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            var stored = await db.DatasetRecords.AsNoTracking().Where(r => r.DatasetId == datasetId).OrderBy(r => r.Key).ToListAsync();
            Assert.Equal([texts[2], texts[1]], stored.Select(r => r.DataJson));
            Assert.Equal(["1", "2"], stored.Select(r => r.Key));
            Assert.All(stored, r => Assert.InRange(r.CreatedAt, before, DateTime.UtcNow.AddSeconds(1)));
            var dataset = await db.Datasets.AsNoTracking().FirstAsync(d => d.Id == datasetId);
            Assert.Equal(2, dataset.RecordCount);
            Assert.Contains("\"name\":\"city\"", dataset.SchemaJson, StringComparison.Ordinal);
        }
    }
}
