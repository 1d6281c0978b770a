using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Application.Data;

internal static class DataExtensions
{
    public const string DefaultConnectionString = "Data Source=data/flowstudio.db";

    /// <summary>
    /// The database (<c>Database:Provider</c>: SQLite by default, or PostgreSQL; <c>ConnectionStrings:FlowStudio</c>) through
    /// EF Core, and the Data Protection key ring in a folder: <c>DataProtection:KeysDirectory</c>, else a <c>keys</c> folder
    /// beside the SQLite file or <c>data/keys</c> for PostgreSQL.
    /// </summary>
    public static void AddFlowStudioData(this WebApplicationBuilder builder)
    {
        var provider = Provider(builder.Configuration);
        var defaultKeys = provider == DatabaseProvider.Postgres ? AddPostgres(builder) : AddSqlite(builder);
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keys = string.IsNullOrWhiteSpace(options.KeysDirectory) ? defaultKeys : Path.Combine(builder.Environment.ContentRootPath, options.KeysDirectory);
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("FlowStudio")
            .PersistKeysToFileSystem(new DirectoryInfo(keys));
        ProtectKeyRing(builder, options, protection);
    }

    /// <summary>The database <c>Database:Provider</c> names (SQLite when unset); any other name stops the start.</summary>
    public static DatabaseProvider Provider(IConfiguration configuration)
    {
        var name = configuration["Database:Provider"];
        return string.IsNullOrWhiteSpace(name) ? DatabaseProvider.Sqlite
            : Enum.TryParse<DatabaseProvider>(name.Trim(), ignoreCase: true, out var provider) && Enum.IsDefined(provider) ? provider
            : throw new InvalidOperationException($"Database:Provider must be \"sqlite\" or \"postgres\", not \"{name}\".");
    }

    /// <summary>SQLite in WAL mode; returns the key ring's folder beside the database file.</summary>
    private static string AddSqlite(WebApplicationBuilder builder)
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

        var connectionString = connection.ConnectionString;
        builder.Services.AddSingleton(_ => new SqliteCheckpointer(connectionString));
        builder.Services.AddDbContext<FlowStudioDb>((services, options) => options
            .UseSqlite(connectionString)
            .AddInterceptors(new WalSynchronousInterceptor(), services.GetRequiredService<SqliteCheckpointer>())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        return Path.Combine(dataDirectory, "keys");
    }

    /// <summary>PostgreSQL through Npgsql; returns the default key ring folder, <c>data/keys</c> under the content root.</summary>
    private static string AddPostgres(WebApplicationBuilder builder)
    {
        var connection = builder.Configuration.GetConnectionString("FlowStudio");
        if (string.IsNullOrWhiteSpace(connection))
        {
            throw new InvalidOperationException(
                "Database:Provider \"postgres\" needs ConnectionStrings:FlowStudio, for example \"Host=localhost;Database=flowstudio;Username=flowstudio;Password=...\".");
        }

        builder.Services.AddDbContext<FlowStudioDb>(options => options
            .UseNpgsql(connection)
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        return Path.Combine(builder.Environment.ContentRootPath, "data", "keys");
    }

    /// <summary>
    /// The key ring encrypted at rest with a key-encryption key or a certificate from configuration. Without either, its
    /// keys are stored as the file system protects them (a warning at start says so).
    /// </summary>
    private static void ProtectKeyRing(WebApplicationBuilder builder, KeyRingOptions options, IDataProtectionBuilder protection)
    {
        if (!string.IsNullOrWhiteSpace(options.KeyEncryptionKey))
        {
            var kek = KeyEncryptionKey.Parse(options.KeyEncryptionKey);
            builder.Services.AddSingleton(kek);
            protection.Services.Configure<Microsoft.AspNetCore.DataProtection.KeyManagement.KeyManagementOptions>(o => o.XmlEncryptor = new AesGcmXmlEncryptor(kek));
        }
        else if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                options.CertificatePath, options.CertificatePassword);
            protection.ProtectKeysWithCertificate(certificate);
            protection.UnprotectKeysWithAnyCertificate(certificate);
        }
    }

    public static async Task MigrateFlowStudioDataAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        if (db.Database.IsSqlite())
        {
            // Only a new, empty database takes it (an existing one keeps its page size). Records are about a kilobyte of JSON
            // each: 8 KB pages store them with half the WAL frames, system calls and checkpoint reads of 4 KB pages. Measured
            // (bench --writer-cpu, 100,000 contacts): 4 KB 550 ms of CPU, 8 KB 449 ms, 16 KB 375 ms; but small writes (a
            // delivery's state) write whole pages, and delivery fell from 0.63 of the raw loop (4 KB) to 0.60 (8 KB) and 0.52 (16 KB).
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA page_size = 8192;");
        }

        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
    }
}
