using System.Net.Http.Json;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>Runs a repository source template against the sandbox over real HTTP, the way a source run does.</summary>
internal sealed class TemplateSourceRunner(SandboxServer sandbox)
{
    private static readonly HttpClient Http = new();

    public SandboxServer Sandbox => sandbox;

    public static EndpointTemplate Source(string connector, string name) =>
        RepositoryTemplates.Catalog.For(connector, TemplateDirections.Source).SingleOrDefault(t => t.Name == name)
        ?? throw new InvalidOperationException($"No {connector} source template named {name}.");

    /// <summary>Every record of the ClientSuccess template <paramref name="name"/>, signed in with the sandbox API key.</summary>
    public Task<Reading> ClientSuccessAsync(string name, params (string Name, string? Value)[] parameters) =>
        ReadAsync(sandbox.ClientSuccessApiKeyConnection(), Source("clientsuccess", name), parameters);

    /// <summary>Every record of the Clari template <paramref name="name"/>.</summary>
    public Task<Reading> ClariAsync(string name, params (string Name, string? Value)[] parameters) =>
        ReadAsync(sandbox.ClariConnection(), Source("clari", name), parameters);

    /// <summary>Every record of the Zoho CRM template <paramref name="name"/>, signed in through the sandbox accounts server.</summary>
    public Task<Reading> ZohoAsync(string name, params (string Name, string? Value)[] parameters) =>
        ReadAsync(sandbox.ZohoConnection(), Source("zoho", name), parameters);

    public static async Task<Reading> ReadAsync(Connection connection, EndpointTemplate template, params (string Name, string? Value)[] parameters)
    {
        var config = SourceConfig.FromTemplate(template, parameters.ToDictionary(p => p.Name, p => p.Value));
        var reader = new SourceReader(new ApiClient(Http, new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System), TimeProvider.System);
        var requests = new List<RequestLogEntry>();
        var records = new List<JObject>();
        await foreach (var record in reader.ReadAsync(connection, config, null, null, requests.Add, CancellationToken.None))
        {
            records.Add(record.Data);
        }

        return new Reading(records, requests);
    }

    /// <summary>A ClientSuccess API call made directly (to set up or check what a template did).</summary>
    public async Task<JToken> ClientSuccessApiAsync(HttpMethod method, string path, object? body = null)
    {
        using var request = new HttpRequestMessage(method, sandbox.ClientSuccessBaseUrl + path);
        request.Headers.Add("X-API-Key", SandboxServer.ClientSuccessApiKey);
        request.Content = body is null ? null : JsonContent.Create(body);
        return await SendAsync(request);
    }

    /// <summary>A Clari API call made directly, with the sandbox api and partner keys.</summary>
    public async Task<JToken> ClariApiAsync(HttpMethod method, string path, HttpContent? content = null)
    {
        using var request = new HttpRequestMessage(method, sandbox.ClariBaseUrl + path) { Content = content };
        request.Headers.Add("apikey", SandboxServer.ClariApiKey);
        request.Headers.Add("partnerkey", SandboxServer.ClariPartnerKey);
        return await SendAsync(request);
    }

    /// <summary>The sandbox's <c>/_state</c> counts.</summary>
    public async Task<JObject> StateAsync()
    {
        using var client = sandbox.CreateClient();
        return JObject.Parse(await client.GetStringAsync("_state"));
    }

    private static async Task<JToken> SendAsync(HttpRequestMessage request)
    {
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {text}");
        return JToken.Parse(text);
    }
}

/// <summary>What a template read returned: the records and the requests it made.</summary>
internal sealed record Reading(IReadOnlyList<JObject> Records, IReadOnlyList<RequestLogEntry> Requests)
{
    public JObject Single() => Assert.Single(Records);
}
