using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace FlowStudio.Application.Data.Migrations;

/// <summary>
/// Migration SQL lives in embedded .sql files: the EF Core design-time package (and so `dotnet ef migrations add`) is not in
/// the package registry here. Each migration has one script per database: <c>Migrations/000N_Name.sql</c> for SQLite and
/// <c>Migrations/Postgres/000N_Name.sql</c> for PostgreSQL, with the same name. A test checks that each database's scripts
/// build exactly the model's schema on it.
/// </summary>
internal static class SchemaScript
{
    /// <summary>The script <paramref name="fileName"/> for the database the migration runs on.</summary>
    public static string Read(string fileName, MigrationBuilder migrationBuilder) =>
        Read(fileName, migrationBuilder.IsNpgsql() ? DatabaseProvider.Postgres : DatabaseProvider.Sqlite);

    public static string Read(string fileName, DatabaseProvider provider)
    {
        var folder = provider == DatabaseProvider.Postgres ? "Postgres." : "";
        using var stream = typeof(SchemaScript).Assembly.GetManifestResourceStream($"FlowStudio.Application.Data.Migrations.{folder}{fileName}")
            ?? throw new InvalidOperationException($"The {provider} migration script {fileName} is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
