using System.Net.Http.Json;
using System.Text.Json;

namespace FlowStudio.Web.Tests.Support;

internal static class ApiClientExtensions
{
    public static async Task<string> CredentialIdAsync(this HttpClient client, string name)
    {
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/credentials"));
        return json.RootElement.EnumerateArray().First(c => c.GetProperty("name").GetString() == name).GetProperty("id").GetString()!;
    }

    public static async Task<JsonElement> PostJsonAsync(this HttpClient client, string url, object body, int expectedStatus)
    {
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == expectedStatus, $"POST {url} answered {(int)response.StatusCode}: {text}");
        return text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Polls GET /api/runs/{id} until the run leaves "running" (bounded).</summary>
    public static async Task<JsonElement> WaitForRunAsync(this HttpClient client, string runId, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var run = JsonDocument.Parse(await client.GetStringAsync($"/api/runs/{runId}")).RootElement.Clone();
            if (run.GetProperty("status").GetString() != "running")
            {
                return run;
            }

            Assert.True(DateTime.UtcNow < deadline, $"run {runId} still running after the timeout");
            await Task.Delay(100);
        }
    }
}
