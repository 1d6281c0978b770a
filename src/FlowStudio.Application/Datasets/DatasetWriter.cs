using System.Data.Common;
using System.Text.Json;
using FlowStudio.Engine.Sources;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowStudio.Application.Datasets;

/// <summary>
/// Writes records into a dataset as they stream in, one transaction per chunk, so memory stays flat and a crash loses at
/// most the chunk in flight. Records with a key replace the dataset's record with the same key instead of adding one.
/// </summary>
internal sealed class DatasetWriter(FlowStudioDb db, TimeProvider time)
{
    private const int ChunkSize = 500;

    public async Task<long> WriteAsync(
        string datasetId, string? keyField, IAsyncEnumerable<SourceRecord> records, Func<long, Task> onChunkWritten, CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.FirstAsync(d => d.Id == datasetId, cancellationToken);
        var schema = new SchemaDetector();
        schema.Add(JsonSerializer.Deserialize<List<SchemaField>>(dataset.SchemaJson, JsonOptions) ?? []);

        var chunk = new List<SourceRecord>(ChunkSize);
        long written = 0;
        await foreach (var record in records.WithCancellation(cancellationToken))
        {
            schema.Add(record);
            chunk.Add(record);
            if (chunk.Count == ChunkSize)
            {
                written += await FlushAsync(dataset, keyField, chunk, schema, cancellationToken);
                await onChunkWritten(written);
            }
        }

        written += await FlushAsync(dataset, keyField, chunk, schema, cancellationToken);
        await onChunkWritten(written);
        return written;
    }

    private async Task<int> FlushAsync(Dataset dataset, string? keyField, List<SourceRecord> chunk, SchemaDetector schema, CancellationToken cancellationToken)
    {
        var count = chunk.Count;
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction.GetDbTransaction();
            insert.CommandText = keyField is null
                ? "INSERT INTO DatasetRecords (DatasetId, DataJson, \"Key\", LookupKey, CreatedAt) VALUES ($d, $j, NULL, $l, $t)"
                : """
                  INSERT INTO DatasetRecords (DatasetId, DataJson, "Key", LookupKey, CreatedAt) VALUES ($d, $j, $k, $l, $t)
                  ON CONFLICT (DatasetId, "Key") WHERE "Key" IS NOT NULL DO UPDATE SET DataJson = excluded.DataJson
                  WHERE DataJson <> excluded.DataJson
                  """;
            Add(insert, "$d", dataset.Id);
            var j = Add(insert, "$j", "");
            var k = Add(insert, "$k", DBNull.Value);
            var l = Add(insert, "$l", DBNull.Value);
            Add(insert, "$t", now);
            foreach (var record in chunk)
            {
                j.Value = record.Json;
                k.Value = (keyField is null ? null : record.FieldText(keyField)) ?? (object)DBNull.Value;
                l.Value = record.LookupKey ?? (object)DBNull.Value;
                await insert.ExecuteNonQueryAsync(cancellationToken);
            }

        }

        if (keyField is null)
        {
            dataset.RecordCount += count;
        }
        else
        {
            // Keyed records may replace existing ones, so count what the dataset holds now.
            await using var countCommand = connection.CreateCommand();
            countCommand.Transaction = transaction.GetDbTransaction();
            countCommand.CommandText = "SELECT COUNT(*) FROM DatasetRecords WHERE DatasetId = $d";
            Add(countCommand, "$d", dataset.Id);
            dataset.RecordCount = Convert.ToInt64(await countCommand.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        dataset.SchemaJson = System.Text.Json.JsonSerializer.Serialize(schema.Fields.Select(f => new { name = f.Name, type = f.Type }), JsonOptions);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        chunk.Clear();
        return count;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    private static DbParameter Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
