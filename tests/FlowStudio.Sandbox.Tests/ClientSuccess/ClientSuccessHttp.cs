using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

/// <summary>Shortcuts for talking to the ClientSuccess simulator the way a connector does.</summary>
internal static class ClientSuccessHttp
{
    public const string ApiKey = "cs-sandbox-key";

    /// <summary>A client on /sandbox/clientsuccess/ that sends the sandbox API key.</summary>
    public static HttpClient Authorized(SandboxServer sandbox)
    {
        var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        client.DefaultRequestHeaders.Add("X-API-Key", ApiKey);
        return client;
    }

    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("The response body was JSON null.");

    public static async Task<JsonNode> GetJsonAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static async Task<JsonNode> PostJsonAsync(this HttpClient client, string path, object body, int expectedStatus = 201)
    {
        using var response = await client.PostAsJsonAsync(path, body);
        Assert.True((int)response.StatusCode == expectedStatus, $"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await response.JsonAsync();
    }

    public static HttpContent Raw(string json) => new StringContent(json, System.Text.Encoding.UTF8, "application/json");

    /// <summary>Reseeds the sandbox (default counts unless given) and clears faults.</summary>
    public static async Task ResetAsync(SandboxServer sandbox, object? counts = null)
    {
        using var control = sandbox.CreateClient();
        using var response = counts is null ? await control.PostAsync("_reset", null) : await control.PostAsJsonAsync("_reset", counts);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The ClientSuccess counts from /sandbox/_state.</summary>
    public static async Task<JsonNode> StateAsync(SandboxServer sandbox)
    {
        using var control = sandbox.CreateClient();
        return (await control.GetJsonAsync("_state"))["clientsuccess"]!;
    }

    public static long Id(this JsonNode node) => node["id"]!.GetValue<long>();

    public static string Text(this JsonNode node, string field) => node[field]!.GetValue<string>();

    /// <summary>An existing client's id, read from the first search page (so the test does not depend on seed ids).</summary>
    public static async Task<long> AnyClientIdAsync(HttpClient client, int index = 0) =>
        (await client.GetJsonAsync($"v2/client/search?size=20"))["data"]![index]!.Id();
}
