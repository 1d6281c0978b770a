using FlowStudio.Application.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Web.Tests.Data;

public sealed class SchemaMigrationTests
{
    /// <summary>The scripts that build tables, in the order migrations run them.</summary>
    private static readonly string[] ScriptFiles = [Initial.ScriptFile, Accounts.ScriptFile, FlowAlerts.ScriptFile];

    [Fact]
    public void Scripts_TogetherCreateExactlyTheModelStatements()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var db = Create(connection);
        var expected = Statements(db.Database.GenerateCreateScript());
        var earlier = ScriptFiles[..^1].SelectMany(file => Statements(SchemaScript.Read(file))).ToList();

        // FLOWSTUDIO_WRITE_SCHEMA=1 dotnet test --filter SchemaMigrationTests writes the model's new statements into the
        // latest script after a model change (the earlier scripts are never rewritten: databases have run them).
        if (Environment.GetEnvironmentVariable("FLOWSTUDIO_WRITE_SCHEMA") == "1")
        {
            var path = Path.Combine(RepositoryRoot(), "src", "FlowStudio.Application", "Data", "Migrations", ScriptFiles[^1]);
            File.WriteAllText(path, string.Join("\n\n\n", expected.Except(earlier)) + "\n");
        }

        var latest = Statements(SchemaScript.Read(ScriptFiles[^1]));
        Assert.Equal(expected.Order(StringComparer.Ordinal), earlier.Concat(latest).Order(StringComparer.Ordinal));
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
            rows.Add(reader.GetString(0));
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

    private static string RepositoryRoot([System.Runtime.CompilerServices.CallerFilePath] string thisFile = "")
    {
        var directory = new DirectoryInfo(Path.GetDirectoryName(thisFile)!);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "FlowStudio.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FlowStudio.sln not found above the test sources.");
    }
}
