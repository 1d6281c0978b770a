using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class ContractApiTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Search_SeededContracts_CarryOneToThreeItems()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var contracts = (await client.GetJsonAsync("v2/contract/search?size=100"))["data"]!.AsArray();

        Assert.All(contracts.Take(50), contract => Assert.InRange(contract!["items"]!.AsArray().Count, 1, 3));
    }

    [Fact]
    public async Task Search_ByTenantClientId_ReturnsThatClientsContracts()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = (await client.GetJsonAsync("v2/contract/search?size=1"))["data"]![0]!["tenantClientId"]!.GetValue<long>();

        var body = await client.GetJsonAsync($"v2/contract/search?tenantClientId={clientId}");

        Assert.All(body["data"]!.AsArray(), contract => Assert.Equal(clientId, contract!["tenantClientId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Create_WithDatesAndItems_Returns201WithTermAndTotals()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);

        var created = await client.PostJsonAsync("v2/contract", new
        {
            clientId,
            name = "Platform 2026",
            startDate = "2026-01-01",
            endDate = "2026-12-31",
            items = new[] { new { productCode = "PRO-LIC", quantity = 10, pricePer = 120.5, recurring = true } },
        });

        Assert.Equal(clientId, created["tenantClientId"]!.GetValue<long>());
        Assert.Equal("2026-01-01", created.Text("termStartDate"));
        Assert.Equal(365, created["termLengthDays"]!.GetValue<int>());
        Assert.Equal(12, created["termLengthMonths"]!.GetValue<int>());
        Assert.Equal(1205m, created["total"]!.GetValue<decimal>());
        Assert.Equal(1205m, created["items"]![0]!["arr"]!.GetValue<decimal>());
    }

    [Theory]
    [InlineData("startDate", "01/02/2026")]
    [InlineData("endDate", "2026-13-01")]
    public async Task Create_DateNotYyyyMmDd_Returns422NamingTheField(string field, string value)
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var body = new Dictionary<string, object> { ["clientId"] = clientId, ["name"] = "Bad dates", [field] = value };

        using var response = await client.PostAsJsonAsync("v2/contract", body);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var error = (await response.JsonAsync())["errors"]![0]!;
        Assert.Equal(field, error.Text("field"));
        Assert.Contains("YYYY-MM-DD", error.Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_WithoutClient_Returns422()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsJsonAsync("v2/contract", new { name = "Orphan" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
    }

    [Fact]
    public async Task Items_AddThenUpdate_ChangeTheContractTotal()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var contract = await client.PostJsonAsync("v2/contract", new { clientId, name = "Items" });

        var added = await client.PostJsonAsync($"v2/contract/{contract.Id()}/items", new[]
        {
            new { productCode = "TRAINING", quantity = 2, pricePer = 500, recurring = false },
            new { productCode = "SUPPORT-PREM", quantity = 1, pricePer = 1200, recurring = true },
        });
        var itemId = added["items"]![0]!.Id();
        using var update = await client.PutAsJsonAsync($"v2/contract/{contract.Id()}/items", new[] { new { id = itemId, quantity = 3 } });
        var updated = await update.JsonAsync();

        Assert.Equal(2200m, added["total"]!.GetValue<decimal>());
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        Assert.Equal(1500m, updated["items"]![0]!["total"]!.GetValue<decimal>());
        Assert.Equal(2700m, updated["total"]!.GetValue<decimal>());
        Assert.Equal(2, (await client.GetJsonAsync($"v2/contract/{contract.Text("uuid")}"))["items"]!.AsArray().Count);
    }

    [Fact]
    public async Task Items_UpdateUnknownItem_Returns422()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var contract = (await client.GetJsonAsync("v2/contract/search?size=1"))["data"]![0]!;

        using var response = await client.PutAsJsonAsync($"v2/contract/{contract.Id()}/items", new { id = 1, quantity = 3 });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("items[0].id", (await response.JsonAsync())["errors"]![0]!.Text("field"));
    }

    [Fact]
    public async Task Notes_CreateThenSearch_ListsTheNote()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var contract = (await client.GetJsonAsync("v2/contract/search?size=1&page=3"))["data"]![0]!;

        var note = await client.PostJsonAsync($"v2/contract/{contract.Id()}/notes", new { subject = "Renewal", note = "<b>Signed</b> today" });
        var notes = await client.GetJsonAsync($"v2/contract/{contract.Id()}/notes/search");

        Assert.Equal("Signed today", note.Text("sanitizedNote"));
        Assert.Equal(note.Id(), notes["data"]![0]!.Id());
        Assert.All(notes["data"]!.AsArray(), item => Assert.Equal(contract.Id(), item!["contractId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Attachments_Create_CountsOnTheContract()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var contract = (await client.GetJsonAsync("v2/contract/search?size=1&page=4"))["data"]![0]!;
        var before = contract["attachmentCount"]!.GetValue<int>();

        await client.PostJsonAsync($"v2/contract/{contract.Id()}/attachments", new { fileName = "order.pdf", contentType = "application/pdf", size = 1234 });
        using var missingName = await client.PostAsJsonAsync($"v2/contract/{contract.Id()}/attachments", new { size = 1 });

        var attachments = await client.GetJsonAsync($"v2/contract/{contract.Id()}/attachments/search");
        Assert.Equal(before + 1, attachments["totalElements"]!.GetValue<int>());
        Assert.Equal(before + 1, (await client.GetJsonAsync($"v2/contract/{contract.Id()}"))["attachmentCount"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missingName.StatusCode);
    }

    [Fact]
    public async Task SubResources_UnknownContract_Return404()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var notes = await client.GetAsync("v2/contract/999999/notes/search");
        using var items = await client.PostAsJsonAsync("v2/contract/999999/items", new { productCode = "X" });
        using var get = await client.GetAsync("v2/contract/999999");

        Assert.Equal(HttpStatusCode.NotFound, notes.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, items.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    [Fact]
    public async Task Put_FullReplace_KeepsItemsAndNullsOmittedFields()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var contract = await client.PostJsonAsync("v2/contract", new
        {
            clientId, name = "Replace", currency = "EUR", items = new[] { new { productCode = "ONBOARD", total = 900 } },
        });

        using var put = await client.PutAsJsonAsync($"v2/contract/{contract.Text("uuid")}", new { tenantClientId = clientId, name = "Replaced" });
        var replaced = await put.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Replaced", replaced.Text("name"));
        Assert.Null(replaced["currency"]);
        Assert.Single(replaced["items"]!.AsArray());
    }

    [Fact]
    public async Task Upsert_SameNameForTheSameClient_UpdatesInsteadOfDuplicating()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var name = $"Renewal {Guid.NewGuid():N}";

        var first = await client.PostJsonAsync("v2/contract/upsert", new { clientId, name, startDate = "2026-01-01", endDate = "2026-12-31" }, 201);
        var second = await client.PostJsonAsync("v2/contract/upsert", new { clientId, name = name.ToUpperInvariant(), endDate = "2027-06-30" }, 200);

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal("2027-06-30", second.Text("termEndDate"));
        Assert.Equal("2026-01-01", second.Text("termStartDate"));
    }

    [Fact]
    public async Task Upsert_ByExternalId_MatchesAcrossNamesAndANewKeyCreates()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var externalId = $"SF-{Guid.NewGuid():N}";

        var first = await client.PostJsonAsync("v2/contract/upsert", new { clientId, externalId, name = "Enterprise" }, 201);
        var renamed = await client.PostJsonAsync("v2/contract/upsert", new { clientId, externalId, name = "Enterprise Plus" }, 200);
        var other = await client.PostJsonAsync("v2/contract/upsert", new { clientId, externalId = externalId + "-2", name = "Enterprise Plus" }, 201);

        Assert.Equal(first.Id(), renamed.Id());
        Assert.Equal("Enterprise Plus", renamed.Text("name"));
        Assert.NotEqual(first.Id(), other.Id());
    }

    [Fact]
    public async Task Upsert_WithoutClient_Returns422NamingClientId()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsJsonAsync("v2/contract/upsert", new { name = "Orphan" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("clientId", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
