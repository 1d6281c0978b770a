using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class ClientSuccessV1ApiTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Clients_List_IsABareArrayOfSummaries()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var clients = await client.GetJsonAsync("v1/clients");

        var first = clients.AsArray()[0]!;
        Assert.True(clients.AsArray().Count >= 250);
        Assert.NotNull(first["successScore"]);
        Assert.True(first.AsObject().ContainsKey("managedByEmployeeId"));
        Assert.False(first.AsObject().ContainsKey("siteUrl"));
    }

    [Fact]
    public async Task Clients_ByExternalId_IsOneDetailObjectOr404()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var seeded = (await client.GetJsonAsync("v2/client/search?size=1"))["data"]![0]!;

        var detail = await client.GetJsonAsync($"v1/clients?externalId={seeded.Text("externalId")}");
        using var missing = await client.GetAsync("v1/clients?externalId=NOPE-0");

        Assert.Equal(seeded.Id(), detail.Id());
        Assert.Equal(seeded.Text("siteUrl"), detail.Text("siteUrl"));
        Assert.InRange(detail["statusId"]!.GetValue<int>(), 1, 4);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task Clients_Create_Returns201WithLocationAndShowsInV2()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var externalId = $"V1-{Guid.NewGuid():N}";

        using var response = await client.PostAsJsonAsync("v1/clients", new { name = "V1 Created", externalId, statusId = 3, jiraId = "JIRA-7" });
        var created = await response.JsonAsync();

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.EndsWith($"/v1/clients/{created.Id()}", response.Headers.Location!.ToString(), StringComparison.Ordinal);
        Assert.Equal("JIRA-7", created.Text("jiraId"));
        Assert.Equal("JIRA-7", (await client.GetJsonAsync($"v1/clients/{created.Id()}")).Text("jiraId"));
        var v2 = await client.GetJsonAsync($"v2/client/{created.Id()}");
        Assert.Equal("TRIAL", v2.Text("status"));
        Assert.Equal(externalId, v2.Text("externalId"));
    }

    [Fact]
    public async Task Contacts_CreateUnderClient_ListedAndFoundByExternalIdAndEmail()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var externalId = $"V1C-{Guid.NewGuid():N}";
        var parent = await client.PostJsonAsync("v1/clients", new { name = "V1 Parent", externalId });
        var email = $"{Guid.NewGuid():N}@v1.example.com";

        var contact = await client.PostJsonAsync($"v1/clients/{parent.Id()}/contacts", new { firstName = "Vee", lastName = "One", email, contactState = "CA" }, 200);
        var listed = await client.GetJsonAsync($"v1/clients/{parent.Id()}/contacts");
        var found = await client.GetJsonAsync($"v1/contacts?clientExternalId={externalId}&email={Uri.EscapeDataString(email)}");
        using var missing = await client.GetAsync($"v1/contacts?clientExternalId={externalId}&email=nobody%40v1.example.com");

        Assert.Equal("CA", contact.Text("contactState"));
        Assert.Equal("Vee One", contact.Text("name"));
        Assert.Equal(contact.Id(), listed.AsArray().Single()!.Id());
        Assert.Equal(contact.Id(), found.Id());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task PulsesAndInteractions_OfAClient_AreBareArraysNewestFirst()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = (await client.GetJsonAsync("v2/pulse/search?size=1"))["data"]![0]!["clientId"]!.GetValue<long>();
        var noteClientId = (await client.GetJsonAsync("v2/clientNote/search?size=1"))["data"]![0]!["clientId"]!.GetValue<long>();

        var pulses = (await client.GetJsonAsync($"v1/clients/{clientId}/pulses")).AsArray();
        var interactions = (await client.GetJsonAsync($"v1/clients/{noteClientId}/interactions")).AsArray();

        Assert.NotEmpty(pulses);
        Assert.All(pulses, pulse => Assert.Equal(clientId, pulse!["clientId"]!.GetValue<long>()));
        Assert.NotNull(pulses[0]!["riskLevel"]);
        Assert.NotEmpty(interactions);
        Assert.All(interactions, interaction => Assert.Equal(noteClientId, interaction!["clientId"]!.GetValue<long>()));
        Assert.True(interactions[0]!.AsObject().ContainsKey("createdDateTime"));
    }

    [Fact]
    public async Task ClientRoutes_UnknownClient_Return404()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var detail = await client.GetAsync("v1/clients/9999999");
        using var contacts = await client.GetAsync("v1/clients/9999999/contacts");
        using var pulses = await client.GetAsync("v1/clients/9999999/pulses");

        Assert.Equal(HttpStatusCode.NotFound, detail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, contacts.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, pulses.StatusCode);
    }
}
