using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Zoho;

/// <summary>The Zoho CRM templates through the API, on the seeded "Zoho CRM Sandbox" credential and the mounted simulator.</summary>
[Collection(AppCollection.Name)]
public sealed class ZohoTemplatesApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task Run_GetAccountsSource_ReadsEverySeededAccountAcrossPages()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Zoho accounts " + Guid.NewGuid().ToString("N")[..6],
            credentialId = await client.CredentialIdAsync("Zoho CRM Sandbox"),
            templateId = "zoho.get-accounts",
        }, 201);

        await Flows.RunSourceAsync(client, source.GetProperty("id").GetString()!);

        var records = JsonDocument.Parse(await client.GetStringAsync($"/api/datasets/{source.GetProperty("datasetId").GetString()}/records")).RootElement;
        Assert.Equal(300, records.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Run_UpsertContactsDestination_UpdatesTheSameEmailAndInsertsTheRest()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var datasetId = await Flows.WebhookDatasetAsync(client, "Zoho contacts",
        [
            Contact("Ben", "Anders-Upserted", "ben.anders.1@example.com"),
            Contact("Nina", "Okafor", "nina.okafor@example.com"),
            Contact("Omar", "Haddad", "omar.haddad@example.com"),
        ]);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Contacts to Zoho " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = await client.CredentialIdAsync("Zoho CRM Sandbox"),
            templateId = "zoho.upsert-contacts",
        }, 201);

        var run = await Flows.RunDestinationAsync(client, destination.GetProperty("id").GetString()!);

        Assert.True(run.GetProperty("status").GetString() == "succeeded", await client.GetStringAsync($"/api/runs/{run.GetProperty("id").GetString()}/failures"));
        Assert.Equal(("succeeded", 3L, 0L), (run.GetProperty("status").GetString(), run.GetProperty("recordsSent").GetInt64(), run.GetProperty("recordsFailed").GetInt64()));
        var state = await Flows.SandboxStateAsync(client);
        Assert.Equal(602, state.GetProperty("zoho").GetProperty("contacts").GetInt32());
    }

    // Dictionaries keep Zoho's API names as they are (an anonymous type would be camel-cased on the way in).
    private static Dictionary<string, string> Contact(string first, string last, string email) =>
        new() { ["First_Name"] = first, ["Last_Name"] = last, ["Email"] = email };
}
