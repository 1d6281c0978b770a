using System.Data;
using System.Data.Common;
using System.Text.Json;
using FlowStudio.Engine.Destinations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// A destination's durable delivery state: its offset over the dataset's record ids, its failed records, and reading the
/// records still to deliver a page at a time. Answers are stored by <see cref="CommitAsync"/>, one transaction per group.
/// </summary>
internal sealed class DeliveryStore(FlowStudioDb db) : IAsyncDisposable
{
    // The offset and run counts a commit writes, prepared once while the connection stays open (a pass keeps it open and
    // commits hundreds of times a second); closing the connection drops it.
    private DbCommand? _progress;

    public async Task<long> OffsetAsync(string destinationId, CancellationToken cancellationToken) =>
        await db.DeliveryOffsets.AsNoTracking().Where(o => o.DestinationId == destinationId).Select(o => (long?)o.RecordId)
            .FirstOrDefaultAsync(cancellationToken) ?? 0;

    /// <summary>Failed records past the offset (left by an interrupted run): the run re-sends them with the new records.</summary>
    public async Task<HashSet<long>> FailedPastAsync(string destinationId, long offset, CancellationToken cancellationToken) =>
        [.. await db.FailedDeliveries.AsNoTracking().Where(f => f.DestinationId == destinationId && f.RecordId > offset)
            .Select(f => f.RecordId).ToListAsync(cancellationToken)];

    /// <summary>The dataset's records after <paramref name="afterId"/> up to <paramref name="upTo"/>, in id order.</summary>
    public async Task<List<DeliveryRecord>> RecordsAfterAsync(string datasetId, long afterId, long upTo, int limit, CancellationToken cancellationToken)
    {
        // Read straight from the data reader: a page is hundreds of rows, and each row through EF's query pipeline costs as much
        // as reading it.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = """
                SELECT "Id", "DataJson" FROM "DatasetRecords" WHERE "DatasetId" = @dataset AND "Id" > @after AND "Id" <= @upTo ORDER BY "Id" LIMIT @limit
                """;
            command.AddParameter("@dataset", datasetId, DbType.String);
            command.AddParameter("@after", afterId, DbType.Int64);
            command.AddParameter("@upTo", upTo, DbType.Int64);
            command.AddParameter("@limit", limit, DbType.Int32);
            var records = new List<DeliveryRecord>(limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                records.Add(DeliveryRecord.FromJson(reader.GetInt64(0), reader.GetString(1)));
            }

            return records;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Failed records up to the offset that may be tried again now (not permanent, next try at or before <paramref name="dueBy"/>), in id order.</summary>
    public async Task<List<DeliveryRecord>> DueFailedAsync(
        string destinationId, string datasetId, long offset, DateTime dueBy, long afterId, int limit, CancellationToken cancellationToken)
    {
        var rows = await db.Database.SqlQuery<RecordRow>($"""
            SELECT r."Id", r."DataJson" FROM "FailedDeliveries" f JOIN "DatasetRecords" r ON r."Id" = f."RecordId" AND r."DatasetId" = {datasetId}
            WHERE f."DestinationId" = {destinationId} AND f."RecordId" > {afterId} AND f."RecordId" <= {offset} AND NOT f."Permanent" AND f."NextTryAt" <= {dueBy}
            ORDER BY f."RecordId" LIMIT {limit}
            """).ToListAsync(cancellationToken);
        return rows.ConvertAll(r => DeliveryRecord.FromJson(r.Id, r.DataJson));
    }

    /// <summary>Whether a run would find something to deliver: records past the offset, or failed records due by <paramref name="dueBy"/>.</summary>
    public async Task<bool> AnyPendingAsync(string destinationId, string datasetId, DateTime dueBy, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<bool>($"""
            SELECT EXISTS (SELECT 1 FROM "DatasetRecords" r WHERE r."DatasetId" = {datasetId}
                             AND r."Id" > COALESCE((SELECT o."RecordId" FROM "DeliveryOffsets" o WHERE o."DestinationId" = {destinationId}), 0))
                OR EXISTS (SELECT 1 FROM "FailedDeliveries" f WHERE f."DestinationId" = {destinationId} AND NOT f."Permanent" AND f."NextTryAt" <= {dueBy}) AS "Value"
            """).SingleAsync(cancellationToken);

    /// <summary>How many records a run would read: failed records up to the offset due by <paramref name="dueBy"/>, and records past the offset.</summary>
    public async Task<long> PendingCountAsync(string destinationId, string datasetId, long offset, DateTime dueBy, CancellationToken cancellationToken) =>
        await db.Database.SqlQuery<long>($"""
            SELECT (SELECT COUNT(*) FROM "DatasetRecords" WHERE "DatasetId" = {datasetId} AND "Id" > {offset})
                 + (SELECT COUNT(*) FROM "FailedDeliveries" f JOIN "DatasetRecords" r ON r."Id" = f."RecordId" AND r."DatasetId" = {datasetId}
                    WHERE f."DestinationId" = {destinationId} AND f."RecordId" <= {offset} AND NOT f."Permanent" AND f."NextTryAt" <= {dueBy}) AS "Value"
            """).SingleAsync(cancellationToken);

    /// <summary>The first records of the dataset, for sample payloads.</summary>
    public async Task<List<DeliveryRecord>> FirstAsync(string datasetId, int limit, CancellationToken cancellationToken) =>
        await RecordsAfterAsync(datasetId, 0, long.MaxValue, limit, cancellationToken);

    /// <summary>
    /// Stores a group of answers in one transaction: each failed request once (linked to its failed records), failed records
    /// (attempts, next try, permanent), records sent on a retry no longer failed, ingest jobs, the offset and the run's counts.
    /// </summary>
    public async Task CommitAsync(DeliveryCommit commit, CancellationToken cancellationToken)
    {
        if (commit.Slice is { } onlyProgress && db.Database.IsNpgsql() && !commit.Answers.Any(a => WritesRecords(commit, a)))
        {
            // Every answer sent all its records: the slice's progress and the run's counts are one batch of two statements, one
            // round trip, which PostgreSQL executes as one implicit transaction (the run's row, which every slice updates, is
            // locked only while the batch executes, not across round trips).
            await SliceProgressAsync(commit, onlyProgress, cancellationToken);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var answer in commit.Answers)
        {
            await StoreAsync(commit, answer, cancellationToken);
        }

        if (commit.Slice is { } slice)
        {
            await SliceProgressAsync(commit, slice, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return;
        }

        await ProgressAsync(commit, transaction.GetDbTransaction(), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The destination's offset (forward only, when the commit moves it) and the run's counts, in one prepared command.</summary>
    private async Task ProgressAsync(DeliveryCommit commit, DbTransaction transaction, CancellationToken cancellationToken)
    {
        if (_progress is null)
        {
            var connection = db.Database.GetDbConnection();
            _progress = connection.CreateCommand();
            connection.StateChange += ForgetProgress;
            _progress.CommandText = $"""
                {OffsetUpsert("@destination", "@offset", "@now")};
                UPDATE "Runs" SET "RecordsRead" = @read, "RecordsSent" = @sent, "RecordsFailed" = @failed, "Requests" = @requests WHERE "Id" = @run
                """;
            _progress.AddParameter("@destination", "", DbType.String);
            _progress.AddParameter("@offset", DBNull.Value, DbType.Int64);
            // No DbType: each provider writes the time as its DateTime columns hold it (PostgreSQL: timestamptz).
            _progress.AddParameter("@now", DateTime.MinValue);
            _progress.AddParameter("@read", 0L, DbType.Int64);
            _progress.AddParameter("@sent", 0L, DbType.Int64);
            _progress.AddParameter("@failed", 0L, DbType.Int64);
            _progress.AddParameter("@requests", 0, DbType.Int32);
            _progress.AddParameter("@run", "", DbType.String);
        }

        var counts = commit.Counts;
        _progress.Transaction = transaction;
        _progress.Parameters[0].Value = commit.DestinationId;
        _progress.Parameters[1].Value = commit.Offset is { } offset ? offset : DBNull.Value;
        _progress.Parameters[2].Value = commit.Now;
        _progress.Parameters[3].Value = counts.Read;
        _progress.Parameters[4].Value = counts.Sent;
        _progress.Parameters[5].Value = counts.Failed;
        _progress.Parameters[6].Value = counts.Requests;
        _progress.Parameters[7].Value = commit.RunId;
        await _progress.ExecuteNonQueryAsync(cancellationToken);
    }

    private void ForgetProgress(object? sender, StateChangeEventArgs change)
    {
        if (change.CurrentState != ConnectionState.Open && sender is DbConnection connection)
        {
            connection.StateChange -= ForgetProgress;
            _progress?.Dispose();
            _progress = null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_progress is not null)
        {
            if (_progress.Connection is { } connection)
            {
                connection.StateChange -= ForgetProgress;
            }

            await _progress.DisposeAsync();
            _progress = null;
        }
    }

    /// <summary>A slice moves its own offset (forward only) and adds its counts to the slice's and to the run's, which its other slices share.</summary>
    private Task<int> SliceProgressAsync(DeliveryCommit commit, int slice, CancellationToken cancellationToken)
    {
        var added = commit.Added;
        return db.Database.ExecuteSqlAsync($"""
            UPDATE "DeliverySlices" SET "DoneThrough" = CASE WHEN {commit.Offset ?? 0} > "DoneThrough" THEN {commit.Offset ?? 0} ELSE "DoneThrough" END,
              "RecordsRead" = "RecordsRead" + {added.Read}, "RecordsSent" = "RecordsSent" + {added.Sent},
              "RecordsFailed" = "RecordsFailed" + {added.Failed}, "Requests" = "Requests" + {added.Requests}
            WHERE "RunId" = {commit.RunId} AND "Slice" = {slice};
            UPDATE "Runs" SET "RecordsRead" = "RecordsRead" + {added.Read}, "RecordsSent" = "RecordsSent" + {added.Sent},
              "RecordsFailed" = "RecordsFailed" + {added.Failed}, "Requests" = "Requests" + {added.Requests}
            WHERE "Id" = {commit.RunId}
            """, cancellationToken);
    }

    /// <summary>
    /// Whether <see cref="StoreAsync"/> has anything to write for <paramref name="answer"/>: an ingest job, failed records, or
    /// records no longer failed. Without such answers a slice's commit is its progress alone.
    /// </summary>
    private static bool WritesRecords(DeliveryCommit commit, DeliveryAnswer answer) =>
        answer.Retry
        || answer.Result.Job is not null
        || answer.Result.Outcome == DeliveryOutcome.Failed
        || answer.Result.ItemFailures.Count > 0
        || (commit.FailedPast.Count > 0 && answer.Result.Payload.RecordIds.Any(commit.FailedPast.Contains));

    /// <summary>Moves the destination's offset to <paramref name="offset"/>, never backwards.</summary>
    public Task AdvanceOffsetAsync(string destinationId, long offset, DateTime now, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlRawAsync(OffsetUpsert("{0}", "{1}", "{2}"), [destinationId, offset, now], cancellationToken);

    // The destination's offset moved to the offset parameter, never backwards; nothing when it is null. SQLite's
    // two-argument MAX is PostgreSQL's GREATEST.
    private string OffsetUpsert(string destination, string offset, string now) => $"""
        INSERT INTO "DeliveryOffsets" ("DestinationId", "RecordId", "UpdatedAt") SELECT {destination}, {offset}, {now} WHERE {offset} IS NOT NULL
        ON CONFLICT ("DestinationId") DO UPDATE SET "RecordId" = {(db.Database.IsNpgsql() ? "GREATEST" : "MAX")}("DeliveryOffsets"."RecordId", excluded."RecordId"), "UpdatedAt" = excluded."UpdatedAt"
        """;

    /// <summary>The dataset's highest record id (0 when it has none).</summary>
    public async Task<long> LastRecordIdAsync(string datasetId, CancellationToken cancellationToken) =>
        await db.DatasetRecords.Where(r => r.DatasetId == datasetId).MaxAsync(r => (long?)r.Id, cancellationToken) ?? 0;

    /// <summary>How many of the dataset's records have ids in (<paramref name="afterId"/>, <paramref name="upTo"/>].</summary>
    public Task<int> CountBetweenAsync(string datasetId, long afterId, long upTo, CancellationToken cancellationToken) =>
        db.DatasetRecords.CountAsync(r => r.DatasetId == datasetId && r.Id > afterId && r.Id <= upTo, cancellationToken);

    /// <summary>
    /// The ids that split the <paramref name="pending"/> records in (<paramref name="afterId"/>, <paramref name="upTo"/>] into
    /// <paramref name="count"/> runs of about the same size (the last id of each run but the last), in one pass over them.
    /// </summary>
    public async Task<List<long>> SplitIdsAsync(string datasetId, long afterId, long upTo, long pending, int count, CancellationToken cancellationToken) =>
        // Record n (in id order) ends a run when n * count / pending (integer division) steps up: count - 1 times before the last record.
        await db.Database.SqlQuery<long>($"""
            SELECT "Id" AS "Value" FROM (
              SELECT "Id", ROW_NUMBER() OVER (ORDER BY "Id") AS n FROM "DatasetRecords" WHERE "DatasetId" = {datasetId} AND "Id" > {afterId} AND "Id" <= {upTo}) t
            WHERE t.n < {pending} AND (t.n * {count}) / {pending} > ((t.n - 1) * {count}) / {pending}
            ORDER BY "Id"
            """).ToListAsync(cancellationToken);

    private async Task StoreAsync(DeliveryCommit commit, DeliveryAnswer answer, CancellationToken cancellationToken)
    {
        if (!WritesRecords(commit, answer))
        {
            return;
        }

        var result = answer.Result;
        var ids = result.Payload.RecordIds;
        if (result.Job is { } job)
        {
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "IngestJobs" ("DestinationId", "RunId", "JobId", "State", "Records", "At")
                VALUES ({commit.DestinationId}, {commit.RunId}, {job.JobId}, {job.State}, {ids.Count}, {commit.Now})
                """, cancellationToken);
        }

        if (result.Outcome == DeliveryOutcome.Failed)
        {
            await FailAsync(commit, result, result.Error ?? "Failed", ids, reasons: null, result.Permanent, cancellationToken);
            return;
        }

        var sent = ids;
        if (result.ItemFailures.Count > 0)
        {
            var failed = result.ItemFailures.Select(f => f.RecordId).ToHashSet();
            var message = $"{failed.Count} of {ids.Count} items failed";
            await FailAsync(commit, result, message, [.. failed], result.ItemFailures.Select(f => f.Reason).ToList(), permanent: true, cancellationToken);
            sent = [.. ids.Where(id => !failed.Contains(id))];
        }

        // Records sent on a retry (or re-sent after an interruption) are no longer failed.
        var wereFailed = answer.Retry ? sent : [.. sent.Where(commit.FailedPast.Contains)];
        if (wereFailed.Count > 0)
        {
            if (db.Database.IsNpgsql())
            {
                await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "FailedDeliveries" WHERE "DestinationId" = {commit.DestinationId} AND "RecordId" = ANY({wereFailed.ToArray()})
                """, cancellationToken);
            }
            else
            {
                await db.Database.ExecuteSqlAsync($"""
                DELETE FROM "FailedDeliveries" WHERE "DestinationId" = {commit.DestinationId} AND "RecordId" IN (SELECT value FROM json_each({JsonSerializer.Serialize(wereFailed)}))
                """, cancellationToken);
            }
        }
    }

    private Task FailAsync(
        DeliveryCommit commit, DeliveryResult result, string message, IReadOnlyList<long> ids, List<string>? reasons, bool permanent,
        CancellationToken cancellationToken)
    {
        var nextTry = commit.Now + commit.RetryDelay;
        if (db.Database.IsNpgsql())
        {
            // The failed records link to the error row the same statement inserts (RETURNING), whatever other instances insert meanwhile.
            return db.Database.ExecuteSqlAsync($"""
                WITH e AS (
                  INSERT INTO "RequestErrors" ("DestinationId", "RunId", "Status", "Message", "JobId", "At")
                  VALUES ({commit.DestinationId}, {commit.RunId}, {result.Status}, {message}, {result.Job?.JobId}, {commit.Now}) RETURNING "Id")
                INSERT INTO "FailedDeliveries" ("DestinationId", "RecordId", "Attempts", "NextTryAt", "Permanent", "RequestErrorId", "Reason", "RunId")
                SELECT {commit.DestinationId}, i.id, 1, {nextTry}, {permanent} OR 1 >= {commit.MaxAttempts}, e."Id", i.reason, {commit.RunId}
                FROM unnest({ids.ToArray()}, {(reasons ?? []).ToArray()}) AS i(id, reason) CROSS JOIN e
                ON CONFLICT ("DestinationId", "RecordId") DO UPDATE SET
                  "Attempts" = "FailedDeliveries"."Attempts" + 1, "NextTryAt" = excluded."NextTryAt",
                  "Permanent" = {permanent} OR "FailedDeliveries"."Attempts" + 1 >= {commit.MaxAttempts},
                  "RequestErrorId" = excluded."RequestErrorId", "Reason" = excluded."Reason", "RunId" = excluded."RunId"
                """, cancellationToken);
        }

        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "RequestErrors" ("DestinationId", "RunId", "Status", "Message", "JobId", "At")
            VALUES ({commit.DestinationId}, {commit.RunId}, {result.Status}, {message}, {result.Job?.JobId}, {commit.Now});
            INSERT INTO "FailedDeliveries" ("DestinationId", "RecordId", "Attempts", "NextTryAt", "Permanent", "RequestErrorId", "Reason", "RunId")
            SELECT {commit.DestinationId}, i.value, 1, {nextTry}, {permanent} OR 1 >= {commit.MaxAttempts}, (SELECT MAX("Id") FROM "RequestErrors"), r.value, {commit.RunId}
            FROM json_each({JsonSerializer.Serialize(ids)}) i LEFT JOIN json_each({JsonSerializer.Serialize(reasons ?? [])}) r ON r.key = i.key WHERE true
            ON CONFLICT ("DestinationId", "RecordId") DO UPDATE SET
              "Attempts" = "Attempts" + 1, "NextTryAt" = excluded."NextTryAt", "Permanent" = {permanent} OR "Attempts" + 1 >= {commit.MaxAttempts},
              "RequestErrorId" = excluded."RequestErrorId", "Reason" = excluded."Reason", "RunId" = excluded."RunId"
            """, cancellationToken);
    }

    internal sealed class RecordRow
    {
        public long Id { get; set; }

        public string DataJson { get; set; } = "";
    }
}
