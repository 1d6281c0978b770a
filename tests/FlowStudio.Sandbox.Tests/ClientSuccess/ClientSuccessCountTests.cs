using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

/// <summary>Tests that assert exact counts: each starts from a fresh seed.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ClientSuccessCountTests(SandboxServer sandbox)
{
    [Fact]
    public async Task State_AfterReset_ReportsTheDefaultSeed()
    {
        await ClientSuccessHttp.ResetAsync(sandbox);

        var state = await ClientSuccessHttp.StateAsync(sandbox);

        Assert.Equal(250, state["clients"]!.GetValue<int>());
        Assert.Equal(1000, state["contacts"]!.GetValue<int>());
        Assert.Equal(120, state["contracts"]!.GetValue<int>());
        Assert.Equal(500, state["clientNotes"]!.GetValue<int>());
        Assert.Equal(300, state["pulses"]!.GetValue<int>());
    }

    [Fact]
    public async Task PulseSearch_Size100_ThreePagesCoverEvery300PulsesOnce()
    {
        await ClientSuccessHttp.ResetAsync(sandbox);
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var ids = new List<long>();
        for (var page = 0; page < 3; page++)
        {
            var body = await client.GetJsonAsync($"v2/pulse/search?page={page}&size=100");
            Assert.Equal(page, body["page"]!.GetValue<int>());
            Assert.Equal(100, body["size"]!.GetValue<int>());
            Assert.Equal(3, body["totalPages"]!.GetValue<int>());
            Assert.Equal(300, body["totalElements"]!.GetValue<int>());
            Assert.Equal(page == 0, body["first"]!.GetValue<bool>());
            Assert.Equal(page == 2, body["last"]!.GetValue<bool>());
            ids.AddRange(body["data"]!.AsArray().Select(pulse => pulse!.Id()));
        }

        Assert.Equal(300, ids.Count);
        Assert.Equal(300, ids.Distinct().Count());
        var beyond = await client.GetJsonAsync("v2/pulse/search?page=3&size=100");
        Assert.Empty(beyond["data"]!.AsArray());
    }

    [Fact]
    public async Task ContactSearch_SizeAbove200_IsCappedAt200()
    {
        await ClientSuccessHttp.ResetAsync(sandbox);
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var body = await client.GetJsonAsync("v2/contact/search?size=500");

        Assert.Equal(200, body["size"]!.GetValue<int>());
        Assert.Equal(200, body["data"]!.AsArray().Count);
        Assert.Equal(5, body["totalPages"]!.GetValue<int>());
    }

    [Fact]
    public async Task Reset_Twice_GivesIdenticalFirstPages()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var pages = new List<string>();
        foreach (var _ in new[] { 1, 2 })
        {
            await ClientSuccessHttp.ResetAsync(sandbox);
            var clients = await client.GetStringAsync("v2/client/search?page=0&size=50");
            var pulses = await client.GetStringAsync("v2/pulse/search?page=0&size=50");
            var contracts = await client.GetStringAsync("v2/contract/search?page=0&size=50");
            pages.Add(clients + pulses + contracts);
        }

        Assert.Equal(pages[0], pages[1]);
    }

    [Fact]
    public async Task Reset_WithCounts_SeedsThoseCounts()
    {
        await ClientSuccessHttp.ResetAsync(sandbox, new { clients = 10, contacts = 20, contracts = 3, clientNotes = 4, pulses = 5 });
        try
        {
            var state = await ClientSuccessHttp.StateAsync(sandbox);
            Assert.Equal(10, state["clients"]!.GetValue<int>());
            Assert.Equal(20, state["contacts"]!.GetValue<int>());
            Assert.Equal(3, state["contracts"]!.GetValue<int>());
            Assert.Equal(4, state["clientNotes"]!.GetValue<int>());
            Assert.Equal(5, state["pulses"]!.GetValue<int>());
        }
        finally
        {
            await ClientSuccessHttp.ResetAsync(sandbox);
        }
    }

    [Fact]
    public async Task Writes_CreateBulkUpsertAndDelete_ShowInState()
    {
        await ClientSuccessHttp.ResetAsync(sandbox);
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);

        await client.PostJsonAsync("v2/client", new { name = "Counted Co" });
        await client.PostJsonAsync("v2/client/bulk", new[] { new { name = "Bulk One" }, new { name = "Bulk Two" } });
        await client.PostJsonAsync("v2/client/upsert", new { name = "Counted Co", city = "Oslo" }, 200);
        var contact = await client.PostJsonAsync("v2/contact", new { clientId, email = "counted@example.com" });
        await client.PostJsonAsync("v2/contact/upsert", new { clientId, email = "upserted@example.com" });
        using (var deleted = await client.DeleteAsync($"v2/contact/{contact.Id()}"))
        {
            Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        }

        await client.PostJsonAsync("v2/contract", new { clientId, name = "Counted contract" });
        await client.PostJsonAsync("v2/clientNote", new { clientId, note = "<p>Counted</p>" });
        await client.PostJsonAsync("v2/pulse", new { clientId, dispositionType = "VERY_SATISFIED" });

        var state = await ClientSuccessHttp.StateAsync(sandbox);
        Assert.Equal(253, state["clients"]!.GetValue<int>());
        Assert.Equal(1001, state["contacts"]!.GetValue<int>());
        Assert.Equal(121, state["contracts"]!.GetValue<int>());
        Assert.Equal(501, state["clientNotes"]!.GetValue<int>());
        Assert.Equal(301, state["pulses"]!.GetValue<int>());
        var search = await client.GetJsonAsync("v2/client/search?size=1");
        Assert.Equal(253, search["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task ClientNoteSearch_Paged_FollowsTheEnvelopeToTheEnd()
    {
        await ClientSuccessHttp.ResetAsync(sandbox);
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var seen = 0;
        var page = 0;
        for (var last = false; !last; page++)
        {
            var body = await client.GetJsonAsync($"v2/clientNote/search?page={page}&size=200");
            seen += body["data"]!.AsArray().Count;
            last = body["last"]!.GetValue<bool>();
        }

        Assert.Equal(3, page);
        Assert.Equal(500, seen);
        using var control = sandbox.CreateClient();
        using var state = await control.GetAsync("_state");
        Assert.Equal(500, (await state.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonNode>())!["clientsuccess"]!["clientNotes"]!.GetValue<int>());
    }
}
