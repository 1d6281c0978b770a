using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.E2E.Sources;

/// <summary>REST calls the browser tests use to arrange data and to clean up what they created.</summary>
internal sealed class SourceApi(Uri baseAddress) : IDisposable
{
    private readonly HttpClient _client = new() { BaseAddress = baseAddress };

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

    /// <summary>Deletes every source, so the shared server is back to "no data flows yet" for the other tests.</summary>
    public async Task DeleteAllSourcesAsync()
    {
        using var json = JsonDocument.Parse(await _client.GetStringAsync("/api/sources"));
        foreach (var source in json.RootElement.EnumerateArray())
        {
            (await _client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetString()}")).EnsureSuccessStatusCode();
        }
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

    public void Dispose() => _client.Dispose();
}
