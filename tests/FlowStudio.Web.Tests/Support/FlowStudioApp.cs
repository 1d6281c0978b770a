using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Logging;

namespace FlowStudio.Web.Tests.Support;

/// <summary>
/// The real host on a free loopback port (Kestrel) with its own temporary database (<see cref="TestDatabase"/>: SQLite, or
/// PostgreSQL) and key ring, set up with the test owner (<see cref="TestAccounts"/>). Clients from <c>CreateClient</c> send the owner's API key.
/// </summary>
public sealed class FlowStudioApp : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> _settings;
    private readonly ILoggerProvider? _logs;

    public FlowStudioApp() : this(new Dictionary<string, string?>())
    {
    }

    /// <summary>
    /// A second host with its own settings (and optionally an existing data directory, to restart on it, and a logger
    /// provider that sees its warnings and errors).
    /// </summary>
    internal FlowStudioApp(Dictionary<string, string?> settings, string? dataDirectory = null, ILoggerProvider? logs = null)
    {
        _logs = logs;
        DataDirectory = dataDirectory ?? Directory.CreateTempSubdirectory("flowstudio-test-").FullName;
        _settings = TestAccounts.BootstrapSettings();
        foreach (var (key, value) in settings)
        {
            _settings[key] = value;
        }

        foreach (var (key, value) in TestDatabase.Settings(DataDirectory))
        {
            _settings[key] = value;
        }

        UseKestrel(0);
        StartServer();
    }

    public string DataDirectory { get; }

    /// <summary>Everything the app stored in its database, as text.</summary>
    public Task<string> StoredTextAsync() => TestDatabase.StoredTextAsync(DataDirectory);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging =>
        {
            logging.SetMinimumLevel(LogLevel.Warning);
            if (_logs is not null)
            {
                logging.AddProvider(_logs);
            }
        });
    }

    protected override void ConfigureClient(HttpClient client)
    {
        base.ConfigureClient(client);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", TestAccounts.OwnerApiKey);
    }
}
