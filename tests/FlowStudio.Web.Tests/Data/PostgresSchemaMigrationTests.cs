using FlowStudio.Application.Data.Migrations;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;

namespace FlowStudio.Web.Tests.Data;

/// <summary>The PostgreSQL migration scripts (<c>Migrations/Postgres/</c>) on a real server.</summary>
public sealed class PostgresSchemaMigrationTests
{
    [PostgresFact]
    public void Migrate_EmptyDatabase_BuildsTheSameSchemaAsTheModel()
    {
        var migrated = NewDatabase();
        var created = NewDatabase();
        using (var db = Create(migrated))
        {
            db.Database.Migrate();
        }

        using (var db = Create(created))
        {
            db.Database.EnsureCreated();
        }

        var expected = Schema(created);
        Assert.Contains(expected, line => line.StartsWith("column Runs.Version integer", StringComparison.Ordinal));
        Assert.Equal(expected, Schema(migrated));
    }

    [PostgresFact]
    public void Migrate_DeliveryStates_BecomeOffsetsAndFailedRecords()
    {
        var database = NewDatabase();
        using var db = Create(database);
        var migrator = db.GetService<IMigrator>();
        migrator.Migrate("20261206000000_WebhookSourcesReceive");
        db.Database.ExecuteSqlRaw("""
            INSERT INTO "DeliveryStates" ("DestinationId", "RecordId", "Outcome", "Attempts", "Status", "Error", "RunId", "UpdatedAt") VALUES
              ('dst_a', 1, 'sent', 1, 200, NULL, 'run_1', '2026-12-01 10:00:00Z'),
              ('dst_a', 2, 'dead', 3, 400, 'HTTP 400: bad id', 'run_1', '2026-12-01 10:00:00Z'),
              ('dst_a', 3, 'failed', 1, 503, NULL, 'run_1', '2026-12-01 10:00:00Z'),
              ('dst_a', 4, 'sent', 1, 200, NULL, 'run_1', '2026-12-01 10:00:00Z'),
              ('dst_b', 7, 'sent', 1, 200, NULL, 'run_2', '2026-12-01 10:00:00Z'),
              ('dst_b', 8, 'inflight', 0, NULL, NULL, 'run_2', '2026-12-01 10:00:00Z'),
              ('dst_b', 9, 'sent', 1, 200, NULL, 'run_2', '2026-12-01 10:00:00Z');
            """);

        migrator.Migrate();

        var offsets = db.DeliveryOffsets.AsNoTracking().OrderBy(o => o.DestinationId).Select(o => new { o.DestinationId, o.RecordId }).ToList();
        Assert.Equal([new { DestinationId = "dst_a", RecordId = 4L }, new { DestinationId = "dst_b", RecordId = 7L }], offsets);
        var failed = db.FailedDeliveries.AsNoTracking().OrderBy(f => f.RecordId).ToList();
        Assert.Equal([2L, 3L], failed.Select(f => f.RecordId));
        Assert.Equal([true, false], failed.Select(f => f.Permanent));
        Assert.Equal(["HTTP 400: bad id", "HTTP 503"], failed.Select(f => f.Reason));
        Assert.Equal(new DateTime(2026, 12, 1, 10, 0, 0, DateTimeKind.Utc), failed[0].NextTryAt);
    }

    private static string NewDatabase() => PostgresServer.Instance.Database($"fs_schema_{Guid.NewGuid():N}");

    private static FlowStudioDb Create(string connectionString) =>
        new(new DbContextOptionsBuilder<FlowStudioDb>()
            .UseNpgsql(connectionString + ";Pooling=false")
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    /// <summary>Every column (type, null, default, identity), index and constraint of the public schema but EF Core's history table, sorted.</summary>
    private static List<string> Schema(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand("""
            SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type || COALESCE('(' || character_maximum_length || ')', '')
                   || ' null=' || is_nullable || ' default=' || COALESCE(column_default, '') || ' identity=' || COALESCE(identity_generation, '')
            FROM information_schema.columns WHERE table_schema = 'public' AND table_name NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename NOT LIKE '\_\_EF%'
            UNION ALL
            SELECT 'constraint ' || c.conrelid::regclass || '.' || c.conname || ': ' || pg_get_constraintdef(c.oid)
            FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
            WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT LIKE '"\_\_EF%'
            ORDER BY 1
            """, connection);
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(reader.GetString(0));
        }

        return rows;
    }
}
