using FlowStudio.Application.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Web.Tests.Data;

public sealed partial class SchemaMigrationTests
{
    /// <summary>The scripts that build tables, in the order migrations run them.</summary>
    private static readonly string[] ScriptFiles = [Initial.ScriptFile, Accounts.ScriptFile, FlowAlerts.ScriptFile, DeliveryOffsets.ScriptFile, ConfigurationVersions.ScriptFile, AddTransforms.ScriptFile, AddSyncs.ScriptFile, RunDispatch.ScriptFile, RateBudgetsTable.ScriptFile, DeliverySlices.ScriptFile];

    [Theory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public void Scripts_TogetherCreateExactlyTheModelStatements(string database)
    {
        var provider = database == "postgres" ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite;
        using var connection = new SqliteConnection("Data Source=:memory:");
        // Writing PostgreSQL's script needs no server.
        using var db = provider == DatabaseProvider.Postgres ? CreatePostgres("Host=127.0.0.1") : Create(connection);
        var expected = Statements(db.Database.GenerateCreateScript());
        // Each script's CREATE statements, less the tables a later script drops, are the model's.
        var scripts = ScriptFiles.SelectMany(file => Statements(SchemaScript.Read(file, provider))).ToList();
        var dropped = scripts.Where(s => s.StartsWith("DROP TABLE ", StringComparison.Ordinal)).Select(s => s["DROP TABLE ".Length..].TrimEnd(';')).ToList();
        var created = scripts.Where(s => s.StartsWith("CREATE ", StringComparison.Ordinal))
            .Where(s => !dropped.Any(table => s.Contains($"TABLE {table} (", StringComparison.Ordinal) || s.Contains($" ON {table} (", StringComparison.Ordinal)))
            .Select(s => WithAddedColumns(s, scripts));
        Assert.Equal(expected.Order(StringComparer.Ordinal), created.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Migrate_DeliveryStates_BecomeOffsetsAndFailedRecords()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var db = Create(connection);
        var migrator = db.GetService<IMigrator>();
        migrator.Migrate("20261206000000_WebhookSourcesReceive");
        Execute(connection, """
            INSERT INTO DeliveryStates (DestinationId, RecordId, Outcome, Attempts, Status, Error, RunId, UpdatedAt) VALUES
              ('dst_a', 1, 'sent', 1, 200, NULL, 'run_1', '2026-12-01 10:00:00'),
              ('dst_a', 2, 'dead', 3, 400, 'HTTP 400: bad id', 'run_1', '2026-12-01 10:00:00'),
              ('dst_a', 3, 'failed', 1, 503, 'HTTP 503', 'run_1', '2026-12-01 10:00:00'),
              ('dst_a', 4, 'sent', 1, 200, NULL, 'run_1', '2026-12-01 10:00:00'),
              ('dst_b', 7, 'sent', 1, 200, NULL, 'run_2', '2026-12-01 10:00:00'),
              ('dst_b', 8, 'inflight', 0, NULL, NULL, 'run_2', '2026-12-01 10:00:00'),
              ('dst_b', 9, 'sent', 1, 200, NULL, 'run_2', '2026-12-01 10:00:00');
            """);

        migrator.Migrate();

        var offsets = db.DeliveryOffsets.AsNoTracking().OrderBy(o => o.DestinationId).Select(o => new { o.DestinationId, o.RecordId }).ToList();
        Assert.Equal([new { DestinationId = "dst_a", RecordId = 4L }, new { DestinationId = "dst_b", RecordId = 7L }], offsets);
        var failed = db.FailedDeliveries.AsNoTracking().OrderBy(f => f.RecordId).ToList();
        Assert.Equal([2L, 3L], failed.Select(f => f.RecordId));
        Assert.Equal([true, false], failed.Select(f => f.Permanent));
        Assert.Equal(["HTTP 400: bad id", "HTTP 503"], failed.Select(f => f.Reason));
        Assert.Equal([3, 1], failed.Select(f => f.Attempts));
    }

    /// <summary>A CREATE TABLE statement with the columns later scripts add to it (ALTER TABLE … ADD COLUMN), as the model would write it.</summary>
    private static string WithAddedColumns(string create, List<string> scripts)
    {
        foreach (var alter in scripts.Where(s => s.StartsWith("ALTER TABLE ", StringComparison.Ordinal)))
        {
            var table = alter["ALTER TABLE ".Length..alter.IndexOf(" ADD COLUMN ", StringComparison.Ordinal)];
            if (create.StartsWith($"CREATE TABLE {table} (", StringComparison.Ordinal))
            {
                var column = alter[(alter.IndexOf(" ADD COLUMN ", StringComparison.Ordinal) + " ADD COLUMN ".Length)..].TrimEnd(';');
                // After the table's columns: before its constraints (PostgreSQL writes its primary key there), else at its end.
                var constraints = create.IndexOf(",\n    CONSTRAINT ", StringComparison.Ordinal);
                create = constraints >= 0
                    ? create[..constraints] + $",\n    {column}" + create[constraints..]
                    : create[..create.LastIndexOf("\n);", StringComparison.Ordinal)] + $",\n    {column}\n);";
            }
        }

        return create;
    }

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public void Migrate_EmptyDatabase_BuildsTheSameSchemaAsTheModel()
    {
        using var migrated = new SqliteConnection("Data Source=:memory:");
        using var created = new SqliteConnection("Data Source=:memory:");
        migrated.Open();
        created.Open();
        using (var db = Create(migrated))
        {
            db.Database.Migrate();
        }

        using (var db = Create(created))
        {
            db.Database.EnsureCreated();
        }

        Assert.Equal(Schema(created), Schema(migrated));
    }

    private static FlowStudioDb CreatePostgres(string connectionString) =>
        new(new DbContextOptionsBuilder<FlowStudioDb>()
            .UseNpgsql(connectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    private static FlowStudioDb Create(SqliteConnection connection) =>
        new(new DbContextOptionsBuilder<FlowStudioDb>()
            .UseSqlite(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning))
            .Options);

    private static List<string> Schema(SqliteConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT type || ' ' || name || ': ' || sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE '__EFMigrations%' ORDER BY name";
        using var reader = command.ExecuteReader();
        var rows = new List<string>();
        while (reader.Read())
        {
            rows.Add(Spacing().Replace(Blanks().Replace(reader.GetString(0), " "), "$1"));
        }

        return rows;
    }

    private static List<string> Statements(string sql) =>
        sql.Replace("\r\n", "\n", StringComparison.Ordinal)
            .Split(";\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => s.TrimEnd(';').Trim())
            .Where(s => s.Length > 0)
            .Select(s => s + ";")
            .ToList();

    /// <summary>Runs of white space: SQLite keeps a table's text as written, and a column added later joins it on the same line.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex Blanks();

    [System.Text.RegularExpressions.GeneratedRegex(@" ?([,()]) ?")]
    private static partial System.Text.RegularExpressions.Regex Spacing();
}
