using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Syncs;

/// <summary>The mounted Zoho CRM and ClientSuccess simulators, called directly as their users would (to edit records and check them).</summary>
internal sealed class SyncSandbox(HttpClient zoho, HttpClient clientSuccess) : IDisposable
{
    public static async Task<SyncSandbox> OpenAsync(FlowStudioApp app)
    {
        var zoho = app.CreateClient();
        zoho.BaseAddress = new Uri(zoho.BaseAddress!, "/sandbox/zoho/");
        zoho.DefaultRequestHeaders.Authorization = null;
        var token = await zoho.PostAsync("oauth/v2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["client_id"] = "1000.ZOHOSANDBOXCLIENT",
            ["client_secret"] = "zoho-sandbox-client-secret",
            ["refresh_token"] = "1000.zoho-sandbox-refresh-token",
        }));
        var accessToken = JsonDocument.Parse(await token.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
        zoho.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Zoho-oauthtoken", accessToken);
        var clientSuccess = app.CreateClient();
        clientSuccess.BaseAddress = new Uri(clientSuccess.BaseAddress!, "/sandbox/clientsuccess/");
        clientSuccess.DefaultRequestHeaders.Authorization = null;
        clientSuccess.DefaultRequestHeaders.Add("X-API-Key", "cs-sandbox-key");
        return new SyncSandbox(zoho, clientSuccess);
    }

    /// <summary>Every record of a Zoho module with the fields asked for.</summary>
    public async Task<List<JsonObject>> ZohoAllAsync(string module, string fields)
    {
        var records = new List<JsonObject>();
        for (var page = 1; ; page++)
        {
            var answer = JsonNode.Parse(await zoho.GetStringAsync($"crm/v7/{module}?fields={fields}&page={page}&per_page=200"))!;
            records.AddRange(answer["data"]!.AsArray().OfType<JsonObject>());
            if (answer["info"]!["more_records"]!.GetValue<bool>() is false)
            {
                return records;
            }
        }
    }

    public async Task<JsonObject> ZohoGetAsync(string module, string id) =>
        JsonNode.Parse(await zoho.GetStringAsync($"crm/v7/{module}/{id}"))!["data"]![0]!.AsObject();

    public async Task ZohoUpdateAsync(string module, string id, string field, string value)
    {
        var response = await zoho.PutAsJsonAsync($"crm/v7/{module}", new { data = new[] { new Dictionary<string, string> { ["id"] = id, [field] = value } } });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    public async Task ZohoDeleteAsync(string module, string id) =>
        Assert.True((await zoho.DeleteAsync($"crm/v7/{module}?ids={id}")).IsSuccessStatusCode);

    public async Task<bool> ZohoExistsAsync(string module, string id) => (int)(await zoho.GetAsync($"crm/v7/{module}/{id}")).StatusCode == 200;

    public async Task ClientSuccessDeleteAsync(string path, string id) =>
        Assert.True((await clientSuccess.DeleteAsync($"v2/{path}/{id}")).IsSuccessStatusCode);

    public async Task<bool> ClientSuccessExistsAsync(string path, string id) => (int)(await clientSuccess.GetAsync($"v2/{path}/{id}")).StatusCode == 200;

    /// <summary>Every ClientSuccess client or contact (<paramref name="path"/> "client" or "contact").</summary>
    public async Task<List<JsonObject>> ClientSuccessAllAsync(string path)
    {
        var records = new List<JsonObject>();
        for (var page = 0; ; page++)
        {
            var answer = JsonNode.Parse(await clientSuccess.GetStringAsync($"v2/{path}/search?page={page}&size=200"))!;
            records.AddRange(answer["data"]!.AsArray().OfType<JsonObject>());
            if (answer["last"]!.GetValue<bool>())
            {
                return records;
            }
        }
    }

    public async Task<JsonObject> ClientSuccessClientByExternalIdAsync(string externalId) =>
        JsonNode.Parse(await clientSuccess.GetStringAsync($"v2/client/search?externalId={externalId}"))!["data"]![0]!.AsObject();

    public async Task<JsonObject> ClientSuccessCreateAsync(string path, object body)
    {
        var response = await clientSuccess.PostAsJsonAsync($"v2/{path}", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        return JsonNode.Parse(text)!.AsObject();
    }

    public async Task<JsonObject> ClientSuccessGetAsync(string path, string id) => JsonNode.Parse(await clientSuccess.GetStringAsync($"v2/{path}/{id}"))!.AsObject();

    public async Task<List<JsonObject>> ZohoSearchAsync(string module, string criteria)
    {
        var response = await zoho.GetAsync($"crm/v7/{module}/search?criteria={Uri.EscapeDataString(criteria)}");
        return (int)response.StatusCode == 204 ? [] : [.. JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!.AsArray().OfType<JsonObject>()];
    }

    public async Task ClientSuccessPatchAsync(string path, string id, string field, string value)
    {
        var response = await clientSuccess.PatchAsJsonAsync($"v2/{path}/{id}", new Dictionary<string, string> { [field] = value });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Polls until <paramref name="check"/> holds (bounded, generous).</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> check, string what, int seconds = 60)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!await check())
        {
            Assert.True(DateTime.UtcNow < deadline, $"{what} did not happen within {seconds} s");
            await Task.Delay(250);
        }
    }

    public void Dispose()
    {
        zoho.Dispose();
        clientSuccess.Dispose();
    }
}
