using System.Net.Http.Json;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Bench;

/// <summary>The "Search Contacts" source the source-read modes read with the engine alone: its template's config, the sandbox connection and a reader.</summary>
internal static class ContactSearch
{
    /// <summary>The sandbox's ClientSuccess key.</summary>
    public const string ApiKey = "cs-sandbox-key";

    /// <summary>A client of the sandbox at <paramref name="root"/> that sends its ClientSuccess key and waits as long as it takes.</summary>
    public static HttpClient SandboxClient(Uri root)
    {
        var http = new HttpClient { BaseAddress = root, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        return http;
    }

    /// <summary>Seeds the sandbox afresh with <paramref name="contacts"/> contacts.</summary>
    public static async Task ResetAsync(HttpClient sandbox, long contacts)
    {
        using var reset = await sandbox.PostAsJsonAsync("sandbox/_reset", new { contacts });
        reset.EnsureSuccessStatusCode();
    }

    /// <summary>The template's config with no filters, allowed to read every page.</summary>
    public static SourceConfig Config()
    {
        var catalog = TemplateCatalog.Load(TemplateDirectory.Locate() ?? throw new InvalidOperationException("templates/ not found above the working directory."));
        return SourceConfig.FromTemplate(catalog.Find("clientsuccess.search-contacts")!, new Dictionary<string, string?>()) with { MaxPages = 100_000 };
    }

    /// <summary>The sandbox's ClientSuccess API under <paramref name="root"/>, with its key.</summary>
    public static Connection ConnectionTo(Uri root) =>
        new("clientsuccess", new Uri(root, "/sandbox/clientsuccess"), new Dictionary<string, string> { ["apiKey"] = ApiKey });

    /// <summary>The engine's source reader over <paramref name="http"/>.</summary>
    public static SourceReader Reader(HttpClient http) =>
        new(new ApiClient(http, new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System), TimeProvider.System);
}
