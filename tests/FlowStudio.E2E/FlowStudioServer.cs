using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace FlowStudio.E2E;

/// <summary>
/// The real FlowStudio host on Kestrel at 127.0.0.1 (free port) with a temporary SQLite database and key ring, set up with
/// an owner (<c>Auth:Bootstrap:*</c>): browsers sign in as them, API clients send their key. Email alerts go to
/// <see cref="Mail"/>.
/// </summary>
public sealed class FlowStudioServer : WebApplicationFactory<Program>
{
    public const string OwnerEmail = "owner@flowstudio.test";
    public const string OwnerPassword = "Owner-Password-1";
    public const string OwnerApiKey = "fs_e2e-owner-key-0123456789abcdefghijklmnopqrstuv";

    public FlowStudioServer()
    {
        DataDirectory = Directory.CreateTempSubdirectory("flowstudio-e2e-").FullName;
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseAddress = new Uri(addresses.Single());
    }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; }

    public MailSink Mail { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // The key ring goes in a "keys" folder beside the database file.
        builder.UseSetting("ConnectionStrings:FlowStudio", $"Data Source={Path.Combine(DataDirectory, "flowstudio.db")}");
        builder.UseSetting("Auth:Bootstrap:Email", OwnerEmail);
        builder.UseSetting("Auth:Bootstrap:Password", OwnerPassword);
        builder.UseSetting("Auth:Bootstrap:ApiKey", OwnerApiKey);
        builder.UseSetting("Alerts:Smtp:Host", "127.0.0.1");
        builder.UseSetting("Alerts:Smtp:Port", Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Alerts:Smtp:From", "FlowStudio <alerts@flowstudio.test>");
        builder.UseSetting("Alerts:Smtp:UseTls", "false");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
    }

    /// <summary>A client for the REST API on this server, sending the owner's API key.</summary>
    public HttpClient CreateApiClient() => new()
    {
        BaseAddress = BaseAddress,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", OwnerApiKey) },
    };

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Mail.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open is left for the OS temp cleaner; it must not fail the run.
        }
    }
}
