using FlowStudio.Web.Data;
using FlowStudio.Web.Data.Migrations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Tests.Data;

public sealed class SchemaMigrationTests
{
    [Fact]
    public void InitialScript_MatchesModel()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        using var db = new FlowStudioDb(new DbContextOptionsBuilder<FlowStudioDb>().UseSqlite(connection).Options);
        var expected = Normalize(db.Database.GenerateCreateScript());

        // FLOWSTUDIO_WRITE_SCHEMA=1 dotnet test --filter SchemaMigrationTests rewrites the script after a model change.
        if (Environment.GetEnvironmentVariable("FLOWSTUDIO_WRITE_SCHEMA") == "1")
        {
            var path = Path.Combine(RepositoryRoot(), "src", "FlowStudio.Web", "Data", "Migrations", Initial.ScriptFile);
            File.WriteAllText(path, expected);
        }

        Assert.Equal(expected, Normalize(SchemaScript.Read(Initial.ScriptFile)));
    }

    private static string Normalize(string sql) => sql.Replace("\r\n", "\n", StringComparison.Ordinal).Trim() + "\n";

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
