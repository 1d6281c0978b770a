using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// The database of the tests' apps: SQLite in each app's data directory, or with <c>FLOWSTUDIO_TEST_DATABASE=postgres</c>
/// a database of the throwaway <see cref="PostgresServer"/> named after the data directory (an app restarted on the same
/// directory finds its data again).
/// </summary>
internal static class TestDatabase
{
    public static bool IsPostgres { get; } =
        string.Equals(Environment.GetEnvironmentVariable("FLOWSTUDIO_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The settings that point an app at the database of <paramref name="dataDirectory"/> (keys as configuration paths).</summary>
    public static Dictionary<string, string?> Settings(string dataDirectory) => IsPostgres
        ? new()
        {
            ["Database:Provider"] = "postgres",
            ["ConnectionStrings:FlowStudio"] = PostgresServer.Instance.Database(DatabaseName(dataDirectory)),
            ["DataProtection:KeysDirectory"] = Path.Combine(dataDirectory, "keys"),
        }
        : new() { ["ConnectionStrings:FlowStudio"] = $"Data Source={Path.Combine(dataDirectory, "flowstudio.db")}" };

    /// <summary>A context built from the model (no migrations) on the database of <paramref name="dataDirectory"/>, without pooling.</summary>
    public static DbContextOptionsBuilder Use(DbContextOptionsBuilder options, string dataDirectory) => IsPostgres
        ? options.UseNpgsql(PostgresServer.Instance.Database(DatabaseName(dataDirectory)) + ";Pooling=false")
        : options.UseSqlite($"Data Source={Path.Combine(dataDirectory, "flowstudio.db")};Pooling=false");

    /// <summary>Closes pooled connections, so the database files can be read or deleted.</summary>
    public static void ReleaseConnections()
    {
        SqliteConnection.ClearAllPools();
        if (IsPostgres)
        {
            NpgsqlConnection.ClearAllPools();
        }
    }

    /// <summary>Everything stored in the database of <paramref name="dataDirectory"/> as text: SQLite's files as on disk, or every row of PostgreSQL's tables.</summary>
    public static async Task<string> StoredTextAsync(string dataDirectory)
    {
        ReleaseConnections();
        var stored = new StringBuilder();
        if (!IsPostgres)
        {
            foreach (var file in Directory.GetFiles(dataDirectory, "flowstudio.db*"))
            {
                await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
                using var reader = new StreamReader(stream, Encoding.Latin1);
                stored.Append(await reader.ReadToEndAsync());
            }

            return stored.ToString();
        }

        await using var connection = new NpgsqlConnection(PostgresServer.Instance.Database(DatabaseName(dataDirectory)));
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public'", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
            await using var reader = await rows.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                stored.Append(reader.GetString(0)).Append('\n');
            }
        }

        return stored.ToString();
    }

    private static string DatabaseName(string dataDirectory) =>
        "fs_" + new string([.. Path.GetFileName(Path.TrimEndingDirectorySeparator(dataDirectory)).ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_')]);
}
