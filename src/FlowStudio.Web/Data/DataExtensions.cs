using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Web.Data;

internal static class DataExtensions
{
    public const string DefaultConnectionString = "Data Source=data/flowstudio.db";

    /// <summary>SQLite through EF Core, and the Data Protection key ring in a <c>keys</c> folder beside the database file.</summary>
    public static void AddFlowStudioData(this WebApplicationBuilder builder)
    {
        var connection = new SqliteConnectionStringBuilder(builder.Configuration.GetConnectionString("FlowStudio") ?? DefaultConnectionString);
        if (!Path.IsPathRooted(connection.DataSource) && connection.DataSource != ":memory:")
        {
            connection.DataSource = Path.Combine(builder.Environment.ContentRootPath, connection.DataSource);
        }

        var dataDirectory = Path.GetDirectoryName(Path.GetFullPath(connection.DataSource))!;
        Directory.CreateDirectory(dataDirectory);
        connection.DefaultTimeout = 30;
        connection.Pooling = true;

        builder.Services.AddDbContext<FlowStudioDb>(options => options
            .UseSqlite(connection.ConnectionString)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        builder.Services.AddDataProtection()
            .SetApplicationName("FlowStudio")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
    }

    public static async Task MigrateFlowStudioDataAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
