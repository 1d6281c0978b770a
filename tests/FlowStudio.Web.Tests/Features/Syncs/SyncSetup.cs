using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Syncs;

/// <summary>Syncs as the seed describes them, built from the API's proposed mappings and the seeded sandbox credentials.</summary>
internal static class SyncSetup
{
    /// <summary>The seed's import filter: Account Status = Customer OR Sync with ClientSuccess = true.</summary>
    public static readonly SyncCondition[] CustomersFilter =
        [new("Account_Status", "equals", "Customer"), new("Sync_with_ClientSuccess", "equals", "true")];

    public static async Task<TwoWaySyncRequest> RequestAsync(
        HttpClient client, string? clientsDirection = null, string? contactsDirection = null, IReadOnlyList<SyncCondition?>? filter = null)
    {
        var fields = JsonDocument.Parse(await client.GetStringAsync("/api/syncs/fields")).RootElement;
        return new TwoWaySyncRequest(
            "Zoho sync " + Guid.NewGuid().ToString("N")[..6],
            await client.CredentialIdAsync("ClientSuccess Sandbox"),
            await client.CredentialIdAsync("Zoho CRM Sandbox"),
            new SyncObjectRequest(clientsDirection, "any", filter ?? CustomersFilter, Proposed(fields, "clients")),
            new SyncObjectRequest(contactsDirection, null, [], Proposed(fields, "contacts")),
            "*/5 * * * *",
            1,
            false);
    }

    public static async Task<HttpResponseMessage> CreateAsync(HttpClient client, TwoWaySyncRequest request) =>
        await client.PostAsJsonAsync("/api/syncs", request);

    public static async Task<JsonElement> CreatedAsync(HttpClient client, TwoWaySyncRequest request)
    {
        var response = await CreateAsync(client, request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 201, $"POST /api/syncs answered {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Starts the initial import (or a run) and waits for it; the run.</summary>
    public static async Task<JsonElement> RunAsync(HttpClient client, string syncId, string action = "run")
    {
        var started = await client.PostJsonAsync($"/api/syncs/{syncId}/{action}", new { }, 202);
        var run = await client.WaitForRunAsync(started.GetProperty("runId").GetString()!, TimeSpan.FromSeconds(120));
        Assert.True(run.GetProperty("status").GetString() == "succeeded", run.ToString());
        return run;
    }

    public static async Task<JsonElement> ReportAsync(HttpClient client, string syncId, JsonElement run) =>
        JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{syncId}/runs/{run.GetProperty("id").GetString()}/report")).RootElement.Clone();

    /// <summary>The count <paramref name="name"/> of an object on the side written.</summary>
    public static int Count(JsonElement report, string obj, string side, string name) =>
        report.GetProperty("counts").EnumerateArray().Where(c => c.GetProperty("object").GetString() == obj && c.GetProperty("side").GetString() == side)
            .Select(c => c.GetProperty(name).GetInt32()).FirstOrDefault();

    /// <summary>The fields a 400 problem names.</summary>
    public static async Task<List<string>> ProblemFieldsAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == 400, $"expected 400, got {(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name).ToList();
    }

    private static List<SyncFieldRequest?> Proposed(JsonElement fields, string obj) =>
        fields.GetProperty(obj).GetProperty("proposed").EnumerateArray()
            .Select(f => (SyncFieldRequest?)new SyncFieldRequest(
                f.GetProperty("clientSuccessField").GetString(), f.GetProperty("crmField").GetString(), f.GetProperty("direction").GetString()))
            .ToList();
}
