using System.Data.Common;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
using FlowStudio.Engine.Sources;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace FlowStudio.Application.Datasets;

/// <summary>
/// Writes records into a dataset as they stream in. Pages are written while the next ones are read (a few pages are
/// buffered); pages are committed together in one transaction with multi-row inserts (one prepared statement for the
/// whole stream), along with the dataset's count and schema and the caller's progress, so memory stays flat and a crash
/// loses at most the pages in flight. While pages keep coming, a commit waits for the next ones (up to
/// <see cref="GroupRecords"/> records, never longer than <see cref="GroupWait"/> for one page) instead of paying a
/// transaction for each. Records with a key replace the dataset's record
/// with the same key instead of adding one.
/// </summary>
internal sealed class DatasetWriter(FlowStudioDb db, TimeProvider time)
{
    private const int BufferedPages = 16;
    private const int GroupRecords = 1_000;
    private const int MaxGroupRecords = 2_000;
    private static readonly TimeSpan GroupWait = TimeSpan.FromMilliseconds(20);
    // PostgreSQL's rows per statement. (Measured on SQLite when it was bound the same way: it binds parameters by name with a
    // linear search, so binding grew with the square of a statement's rows: 25 rows inserted 100,000 records in 286 ms of
    // CPU, 100 rows in 378 ms, one row at a time in 299 ms.)
    private const int RowsPerStatement = 25;
    private const int ChunkSize = 500;

    /// <summary>Writes a stream of records in chunks of <see cref="ChunkSize"/>; <paramref name="onChunkWritten"/> gets the total so far.</summary>
    public Task<long> WriteAsync(
        string datasetId, string? keyField, IAsyncEnumerable<SourceRecord> records, Func<long, Task> onChunkWritten, CancellationToken cancellationToken) =>
        WritePagesAsync(datasetId, keyField, records.Chunk(ChunkSize), _ => { }, onChunkWritten, cancellationToken);

    /// <summary>
    /// Writes pages of records in their order while the next pages are read. Before each commit <paramref name="committing"/>
    /// gets the total the commit brings the dataset to (changes it makes to tracked entities are saved in the same
    /// transaction); after it <paramref name="onWritten"/> gets that total. An error reading a page comes out after the pages
    /// before it are written.
    /// </summary>
    public async Task<long> WritePagesAsync(
        string datasetId,
        string? keyField,
        IAsyncEnumerable<IReadOnlyList<SourceRecord>> pages,
        Action<long> committing,
        Func<long, Task> onWritten,
        CancellationToken cancellationToken)
    {
        var dataset = await db.Datasets.FirstAsync(d => d.Id == datasetId, cancellationToken);
        var schema = new SchemaDetector();
        schema.Add(JsonSerializer.Deserialize<List<SchemaField>>(dataset.SchemaJson, JsonOptions) ?? []);

        var buffer = Channel.CreateBounded<IReadOnlyList<SourceRecord>>(new BoundedChannelOptions(BufferedPages) { SingleReader = true, SingleWriter = true });
        using var reading = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(pages, buffer.Writer, reading.Token), CancellationToken.None);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        await using var full = connection is SqliteConnection ? null : InsertCommand(connection, keyField is not null, RowsPerStatement, dataset.Id);
        try
        {
            long written = 0;
            var group = new List<SourceRecord>(MaxGroupRecords);
            while (await buffer.Reader.WaitToReadAsync(cancellationToken))
            {
                while (group.Count < MaxGroupRecords && buffer.Reader.TryRead(out var page))
                {
                    group.AddRange(page);
                    if (group.Count < GroupRecords && buffer.Reader.Count == 0)
                    {
                        await NextPageAsync(buffer.Reader, cancellationToken);
                    }
                }

                if (group.Count == 0)
                {
                    continue;
                }

                written += group.Count;
                await CommitAsync(dataset, keyField, group, schema, full, () => committing(written), cancellationToken);
                group.Clear();
                await onWritten(written);
            }

            if (written == 0)
            {
                await onWritten(0);
            }

            return written;
        }
        finally
        {
            await reading.CancelAsync();
            await reader;
            await db.Database.CloseConnectionAsync();
        }
    }

    // Returns when a page is waiting, the stream ended (an error reading comes out of the next wait, after this commit) or GroupWait passed.
    private static async Task NextPageAsync(ChannelReader<IReadOnlyList<SourceRecord>> buffer, CancellationToken cancellationToken)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(GroupWait);
        try
        {
            await buffer.WaitToReadAsync(waited.Token);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static async Task ReadAsync(IAsyncEnumerable<IReadOnlyList<SourceRecord>> pages, ChannelWriter<IReadOnlyList<SourceRecord>> buffer, CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var page in pages.WithCancellation(cancellationToken))
            {
                await buffer.WriteAsync(page, cancellationToken);
            }

            buffer.TryComplete();
        }
        catch (Exception ex)
        {
            buffer.TryComplete(ex);
        }
    }

    private async Task CommitAsync(
        Dataset dataset, string? keyField, List<SourceRecord> records, SchemaDetector schema, DbCommand? full, Action committing, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var dbTransaction = transaction.GetDbTransaction();

        // SQLite: the transaction holds the write lock, so every row with a larger id is one this commit added (AUTOINCREMENT
        // ids only grow). PostgreSQL has no such lock: its keyed inserts count the rows they added instead.
        var countsAdded = keyField is not null && db.Database.IsNpgsql();
        var added = 0L;
        var lastId = countsAdded ? 0 : await ScalarAsync(connection, dbTransaction, "SELECT COALESCE(MAX(\"Id\"), 0) FROM \"DatasetRecords\"", null, cancellationToken);
        foreach (var record in records)
        {
            schema.Add(record);
        }

        if (connection is SqliteConnection sqlite)
        {
            InsertSqlite(sqlite, dataset.Id, keyField, records, now);
        }
        else
        {
            added = await InsertAsync(connection, dbTransaction, dataset.Id, keyField, records, full!, now, countsAdded, cancellationToken);
        }

        dataset.RecordCount += keyField is null
            ? records.Count
            : countsAdded ? added
            : await ScalarAsync(connection, dbTransaction, "SELECT COUNT(*) FROM \"DatasetRecords\" WHERE \"Id\" > @last", lastId, cancellationToken);
        dataset.SchemaJson = JsonSerializer.Serialize(schema.Fields.Select(f => new { name = f.Name, type = f.Type }), JsonOptions);
        committing();
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// PostgreSQL: multi-row <c>INSERT</c>s of <see cref="RowsPerStatement"/> records; the number of records added when
    /// <paramref name="countsAdded"/>. One statement cannot touch a key twice, so a key repeated in the commit is written once,
    /// where it came first and with its last record, as inserting them one by one would leave it.
    /// </summary>
    private async Task<long> InsertAsync(
        DbConnection connection, DbTransaction transaction, string datasetId, string? keyField, List<SourceRecord> records, DbCommand full, DateTime now, bool countsAdded, CancellationToken cancellationToken)
    {
        var rows = new List<(SourceRecord Record, string? Key)>(records.Count);
        var firstOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            var key = keyField is null ? null : record.FieldText(keyField);
            if (key is not null && !firstOfKey.TryAdd(key, rows.Count))
            {
                rows[firstOfKey[key]] = (record, key);
            }
            else
            {
                rows.Add((record, key));
            }
        }

        var added = 0L;
        for (var start = 0; start < rows.Count; start += RowsPerStatement)
        {
            var count = Math.Min(RowsPerStatement, rows.Count - start);
            var insert = count == RowsPerStatement ? full : InsertCommand(connection, keyField is not null, count, datasetId);
            try
            {
                insert.Transaction = transaction;
                insert.Parameters[1].Value = now;
                for (var row = 0; row < count; row++)
                {
                    var (record, key) = rows[start + row];
                    insert.Parameters[2 + (row * 3)].Value = record.Json;
                    insert.Parameters[3 + (row * 3)].Value = key ?? (object)DBNull.Value;
                    insert.Parameters[4 + (row * 3)].Value = record.LookupKey ?? (object)DBNull.Value;
                }

                if (countsAdded)
                {
                    added += Convert.ToInt64(await insert.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
                }
                else
                {
                    await insert.ExecuteNonQueryAsync(cancellationToken);
                }
            }
            finally
            {
                if (insert != full)
                {
                    await insert.DisposeAsync();
                }
            }
        }

        return added;
    }

    /// <summary>
    /// SQLite: one prepared single-row <c>INSERT</c> per commit, its values bound by position, each record's JSON as the UTF-8
    /// bytes it was read as. Binding by name and from .NET strings (a search of the statement's parameter names and a UTF-16
    /// to UTF-8 conversion per value) cost about a sixth of storing a page of records.
    /// </summary>
    private void InsertSqlite(SqliteConnection connection, string datasetId, string? keyField, List<SourceRecord> records, DateTime now)
    {
        var handle = connection.Handle!;
        Check(raw.sqlite3_prepare_v2(handle, InsertText(keyField is not null, "(?1, ?2, ?3, ?4, ?5)"), out var statement), handle);
        using (statement)
        {
            Check(raw.sqlite3_bind_text(statement, 1, datasetId), handle);
            // As Microsoft.Data.Sqlite writes a DateTime, so these rows read back like any other.
            Check(raw.sqlite3_bind_text(statement, 5, now.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)), handle);
            foreach (var record in records)
            {
                Check(raw.sqlite3_bind_text(statement, 2, record.Utf8Json.Span), handle);
                Check(keyField is not null && record.FieldText(keyField) is { } key ? raw.sqlite3_bind_text(statement, 3, key) : raw.sqlite3_bind_null(statement, 3), handle);
                Check(record.LookupKey is { } lookup ? raw.sqlite3_bind_text(statement, 4, lookup) : raw.sqlite3_bind_null(statement, 4), handle);
                Check(raw.sqlite3_step(statement), handle);
                Check(raw.sqlite3_reset(statement), handle);
            }
        }
    }

    private static void Check(int result, sqlite3 handle)
    {
        if (result is not (raw.SQLITE_OK or raw.SQLITE_DONE or raw.SQLITE_ROW))
        {
            SqliteException.ThrowExceptionForRC(result, handle);
        }
    }

    /// <summary>
    /// <c>INSERT</c> of <paramref name="rows"/> records; parameters: dataset id, time, then JSON, key and lookup key per row.
    /// A keyed insert replaces the record with the same key (and leaves it alone when its JSON did not change); on PostgreSQL
    /// it returns how many records it added.
    /// </summary>
    private DbCommand InsertCommand(DbConnection connection, bool keyed, int rows, string datasetId)
    {
        var command = connection.CreateCommand();
        var values = new StringBuilder();
        command.AddParameter("@d", datasetId);
        command.AddParameter("@t", DateTime.MinValue);
        for (var row = 0; row < rows; row++)
        {
            values.Append(CultureInfo.InvariantCulture, $"{(row == 0 ? "" : ", ")}(@d, @j{row}, @k{row}, @l{row}, @t)");
            command.AddParameter($"@j{row}", "");
            command.AddParameter($"@k{row}", DBNull.Value);
            command.AddParameter($"@l{row}", DBNull.Value);
        }

        command.CommandText = InsertText(keyed, values.ToString());
        return command;
    }

    // The INSERT of the given VALUES rows (dataset id, JSON, key, lookup key, time), replacing by key when keyed.
    private string InsertText(bool keyed, string values)
    {
        var text = new StringBuilder("INSERT INTO \"DatasetRecords\" (\"DatasetId\", \"DataJson\", \"Key\", \"LookupKey\", \"CreatedAt\") VALUES ").Append(values);
        if (keyed)
        {
            text.Append(" ON CONFLICT (\"DatasetId\", \"Key\") WHERE \"Key\" IS NOT NULL")
                .Append(" DO UPDATE SET \"DataJson\" = excluded.\"DataJson\" WHERE \"DatasetRecords\".\"DataJson\" <> excluded.\"DataJson\"");
            if (db.Database.IsNpgsql())
            {
                // A row PostgreSQL inserted (rather than updated) has no deleting transaction yet: xmax = 0.
                text.Insert(0, "WITH written AS (").Append(" RETURNING xmax = 0 AS added) SELECT COUNT(*) FROM written WHERE added");
            }
        }

        return text.ToString();
    }

    private static async Task<long> ScalarAsync(DbConnection connection, DbTransaction transaction, string sql, long? last, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        if (last is { } value)
        {
            command.AddParameter("@last", value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}
