using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace FlowStudio.Application.Data;

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
            .AddInterceptors(new WalSynchronousInterceptor())
            .ConfigureWarnings(w => w.Ignore(RelationalEventId.PendingModelChangesWarning)));
        var protection = builder.Services.AddDataProtection()
            .SetApplicationName("FlowStudio")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        ProtectKeyRing(builder, protection);
    }

    /// <summary>
    /// The key ring encrypted at rest with a key-encryption key or a certificate from configuration. Without either, its
    /// keys are stored as the file system protects them (a warning at start says so).
    /// </summary>
    private static void ProtectKeyRing(WebApplicationBuilder builder, IDataProtectionBuilder protection)
    {
        var options = builder.Configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
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
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
