using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.E2E.Sources;

/// <summary>REST calls the browser tests use to arrange data and to clean up what they created.</summary>
internal sealed class SourceApi : IAsyncDisposable
{
    private readonly HttpClient _client;
    private HashSet<string> _existing = [];
    private HashSet<string> _existingLookups = [];

    private SourceApi(Uri baseAddress) => _client = new HttpClient
    {
        BaseAddress = baseAddress,
        DefaultRequestHeaders = { Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", FlowStudioServer.OwnerApiKey) },
    };

    public async Task<string> CredentialIdAsync(string name)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/credentials"));
        return json.RootElement.EnumerateArray().First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    public async Task<string> CreateTemplateSourceAsync(string name, string credentialId, string templateId)
    {
        var response = await _client.PostAsJsonAsync("/api/sources", new { name, credentialId, templateId });
        response.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    public async Task CreateLookupAsync(string name, object[] rows)
    {
        var response = await _client.PostAsJsonAsync("/api/lookups", new { name, keyColumn = "id", rows });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Deletes the sources and lookups created since this object was made (by the test, through the browser or the
    /// API), so the shared server looks as it did before, e.g. "no data flows yet" for the shell tests. Disposing
    /// does it too, so a test that fails half-way still leaves nothing behind.
    /// </summary>
    public async Task DeleteCreatedSourcesAsync()
    {
        foreach (var id in (await SourceIdsAsync()).Except(_existing))
        {
            (await _client.DeleteAsync($"/api/sources/{id}?cascade=true")).EnsureSuccessStatusCode();
        }
        foreach (var id in (await LookupIdsAsync()).Except(_existingLookups))
        {
            (await _client.DeleteAsync($"/api/lookups/{id}")).EnsureSuccessStatusCode();
        }
    }

    /// <summary>The saved source's manual URL, as the REST API returns it.</summary>
    public async Task<string?> SavedUrlAsync(string sourceId)
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync($"/api/sources/{sourceId}"));
        return json.RootElement.GetProperty("manual").GetProperty("url").GetString();
    }

    /// <summary>Remembers the sources that exist now, so <see cref="DeleteCreatedSourcesAsync"/> leaves them alone.</summary>
    public static async Task<SourceApi> StartAsync(Uri baseAddress)
    {
        var api = new SourceApi(baseAddress);
        api._existing = await api.SourceIdsAsync();
        api._existingLookups = await api.LookupIdsAsync();
        return api;
    }

    private async Task<HashSet<string>> SourceIdsAsync()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/sources"));
        return json.RootElement.EnumerateArray().Select(s => s.GetProperty("id").GetString()!).ToHashSet();
    }

    private async Task<HashSet<string>> LookupIdsAsync()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/lookups"));
        return json.RootElement.EnumerateArray().Select(l => l.GetProperty("id").GetString()!).ToHashSet();
    }

    /// <summary>Adds a client note to the ClientSuccess sandbox now, so "modified since yesterday" finds one.</summary>
    public async Task AddClientNoteAsync(string note)
    {
        using var clients = new HttpRequestMessage(HttpMethod.Get, "/sandbox/clientsuccess/v2/client/search?size=1");
        clients.Headers.Add("X-API-Key", "cs-sandbox-key");
        var found = await _client.SendAsync(clients);
        found.EnsureSuccessStatusCode();
        using var json = JsonDocument.Parse(await found.Content.ReadAsStringAsync());
        var clientId = json.RootElement.GetProperty("data")[0].GetProperty("id").GetRawText();

        using var create = new HttpRequestMessage(HttpMethod.Post, "/sandbox/clientsuccess/v2/clientNote")
        {
            Content = JsonContent.Create(new { clientId = JsonDocument.Parse(clientId).RootElement, note, subject = "Browser test" }),
        };
        create.Headers.Add("X-API-Key", "cs-sandbox-key");
        var created = await _client.SendAsync(create);
        Assert.True(created.IsSuccessStatusCode, await created.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await DeleteCreatedSourcesAsync();
        }
        finally
        {
            _client.Dispose();
        }
    }
}
