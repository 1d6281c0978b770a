using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class ClientApiTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Create_NameOnly_Returns201ActiveClientFoundBySearch()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var name = $"Create Test {Guid.NewGuid():N}";

        var created = await client.PostJsonAsync("v2/client", new { name, externalId = name });

        Assert.Equal("ACTIVE", created.Text("status"));
        Assert.True(created["active"]!.GetValue<bool>());
        Assert.True(Guid.TryParse(created.Text("uuid"), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$", created.Text("modifiedTime"));
        var found = await client.GetJsonAsync($"v2/client/search?externalId={Uri.EscapeDataString(name)}");
        Assert.Equal(created.Id(), found["data"]![0]!.Id());
    }

    [Fact]
    public async Task Create_BadStatusAndNoName_Returns422ListingBothFields()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsJsonAsync("v2/client", new { status = "Active" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.JsonAsync())["errors"]!.AsArray().Select(error => error!.Text("field")).ToList();
        Assert.Contains("name", fields);
        Assert.Contains("status", fields);
    }

    [Fact]
    public async Task ClientType_NamedByIdTitleOrKey_IsStoredAsTheWholeType_AndAnUnknownOneIs422ListingTheTypes()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var name = $"Typed {Guid.NewGuid():N}";

        var created = await client.PostJsonAsync("v2/client", new { name, clientType = new { title = "mid-market" } });
        using var patchedById = await client.PatchAsJsonAsync($"v2/client/{created.Id()}", new { clientType = new { id = 14 } });
        var byId = await patchedById.JsonAsync();
        using var patchedByKey = await client.PatchAsJsonAsync($"v2/client/{created.Id()}", new { clientType = new { key = "SMB" } });
        var byKey = await patchedByKey.JsonAsync();
        using var unknown = await client.PatchAsJsonAsync($"v2/client/{created.Id()}", new { clientType = new { title = "Prospect" } });

        Assert.Equal((12L, "Mid-Market", "MID_MARKET", "Mid-Market"), (created["clientType"]!.Id(), created["clientType"]!.Text("title"), created["clientType"]!.Text("key"), created.Text("segment")));
        Assert.Equal(("Strategic", "Strategic"), (byId["clientType"]!.Text("title"), byId.Text("segment")));
        Assert.Equal("SMB", byKey["clientType"]!.Text("title"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        var error = (await unknown.JsonAsync())["errors"]!.AsArray().Single()!;
        Assert.Equal("clientType", error.Text("field"));
        Assert.Contains("11 Enterprise, 12 Mid-Market, 13 SMB, 14 Strategic", error.Text("message"), StringComparison.Ordinal);
        Assert.Equal("SMB", (await client.GetJsonAsync($"v2/client/{created.Id()}"))["clientType"]!.Text("title"));
    }

    [Fact]
    public async Task Bulk_101Items_Returns400AndCreatesNothing()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var before = (await client.GetJsonAsync("v2/client/search?size=1"))["totalElements"]!.GetValue<int>();

        using var response = await client.PostAsJsonAsync("v2/client/bulk", Enumerable.Range(0, 101).Select(i => new { name = $"Too many {i}" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(before, (await client.GetJsonAsync("v2/client/search?size=1"))["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task Bulk_OneInvalidItem_Returns422NamingIndexAndCreatesNothing()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var marker = Guid.NewGuid().ToString("N");

        using var response = await client.PostAsJsonAsync("v2/client/bulk", new object[]
        {
            new { name = $"Ok {marker}" }, new { name = $"Also ok {marker}" }, new { city = "Nowhere" },
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Contains("item 2", body.Text("message"), StringComparison.Ordinal);
        Assert.Equal("[2].name", body["errors"]![0]!.Text("field"));
        Assert.Empty((await client.GetJsonAsync($"v2/client/search?name={marker}"))["data"]!.AsArray());
    }

    [Fact]
    public async Task Bulk_AddWrapper_CreatesEveryClient()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var marker = Guid.NewGuid().ToString("N");

        var created = await client.PostJsonAsync("v2/client/bulk", new { add = new[] { new { name = $"A {marker}" }, new { name = $"B {marker}" } } });

        Assert.Equal(2, created.AsArray().Count);
        Assert.Equal(2, (await client.GetJsonAsync($"v2/client/search?name={marker}"))["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task Upsert_SameExternalIdTwice_UpdatesInsteadOfDuplicating()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var externalId = $"EXT-{Guid.NewGuid():N}";

        var first = await client.PostJsonAsync("v2/client/upsert", new { externalId, name = "Upsert Co", city = "Lisbon" }, 201);
        var second = await client.PostJsonAsync("v2/client/upsert", new { externalId, name = "Upsert Co Renamed" }, 200);

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal("Upsert Co Renamed", second.Text("name"));
        Assert.Equal("Lisbon", second.Text("city"));
        Assert.Equal(1, (await client.GetJsonAsync($"v2/client/search?externalId={externalId}"))["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task Upsert_WithoutExternalId_MatchesOnName()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var name = $"Named {Guid.NewGuid():N}";

        var first = await client.PostJsonAsync("v2/client/upsert", new { name }, 201);
        var second = await client.PostJsonAsync("v2/client/upsert", new { name = name.ToUpperInvariant(), status = "TRIAL" }, 200);

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal("TRIAL", second.Text("status"));
    }

    [Fact]
    public async Task Put_OmittedFields_BecomeNullWhilePatchKeepsThem()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var created = await client.PostJsonAsync("v2/client", new { name = "Replace Me", city = "Austin", zip = "78701" });

        using var patch = await client.PatchAsJsonAsync($"v2/client/{created.Text("uuid")}", new { zip = "78702" });
        var patched = await patch.JsonAsync();
        using var put = await client.PutAsJsonAsync($"v2/client/{created.Id()}", new { name = "Replaced", status = "INACTIVE" });
        var replaced = await put.JsonAsync();

        Assert.Equal(HttpStatusCode.OK, patch.StatusCode);
        Assert.Equal("Austin", patched.Text("city"));
        Assert.Equal("78702", patched.Text("zip"));
        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("Replaced", replaced.Text("name"));
        Assert.Null(replaced["city"]);
        Assert.Null(replaced["zip"]);
        Assert.False(replaced["active"]!.GetValue<bool>());
        Assert.Equal(created.Text("uuid"), replaced.Text("uuid"));
        Assert.Equal(created.Text("createdTime"), replaced.Text("createdTime"));
    }

    [Fact]
    public async Task Get_ByIdOrUuid_ReturnsSameClientAndUnknownIs404()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var first = (await client.GetJsonAsync("v2/client/search?size=1"))["data"]![0]!;

        var byId = await client.GetJsonAsync($"v2/client/{first.Id()}");
        var byUuid = await client.GetJsonAsync($"v2/client/{first.Text("uuid")}");
        using var missing = await client.GetAsync("v2/client/9999999");

        Assert.Equal(first.Text("name"), byId.Text("name"));
        Assert.Equal(first.Id(), byUuid.Id());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("Client 9999999 not found", (await missing.JsonAsync()).Text("message"));
    }

    [Fact]
    public async Task Put_UnknownClient_Returns404()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PutAsJsonAsync("v2/client/9999999", new { name = "Ghost" });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Search_SortByNameDescending_OrdersByName()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var names = (await client.GetJsonAsync("v2/client/search?sortBy=name&sortDirection=desc&size=50"))["data"]!.AsArray()
            .Select(item => item!.Text("name")).ToList();

        Assert.Equal(names.OrderByDescending(name => name, StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public async Task Search_UnknownSortField_Returns400()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.GetAsync("v2/client/search?sortBy=shoeSize");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Search_ModifiedAfterFutureDate_ReturnsOnlyClientsWrittenSince()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var created = await client.PostJsonAsync("v2/client", new { name = $"Fresh {Guid.NewGuid():N}" });
        var cutoff = DateTimeOffset.Parse(created.Text("modifiedTime"), System.Globalization.CultureInfo.InvariantCulture).AddMilliseconds(-1);

        var body = await client.GetJsonAsync($"v2/client/search?modifiedAfter={Uri.EscapeDataString(cutoff.ToString("o", System.Globalization.CultureInfo.InvariantCulture))}");

        Assert.Contains(body["data"]!.AsArray(), item => item!.Id() == created.Id());
        Assert.True(body["totalElements"]!.GetValue<int>() < 250);
    }

    [Fact]
    public async Task Put_WhatGetReturned_IsAcceptedUnchanged()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var seeded = (await client.GetJsonAsync("v2/client/search?size=1&page=9"))["data"]![0]!;
        var contract = (await client.GetJsonAsync("v2/contract/search?size=1&page=9"))["data"]![0]!;

        using var putClient = await client.PutAsync($"v2/client/{seeded.Id()}", ClientSuccessHttp.Raw(seeded.ToJsonString()));
        using var putContract = await client.PutAsync($"v2/contract/{contract.Id()}", ClientSuccessHttp.Raw(contract.ToJsonString()));

        Assert.Equal(HttpStatusCode.OK, putClient.StatusCode);
        Assert.Equal(seeded.Text("name"), (await putClient.JsonAsync()).Text("name"));
        Assert.Equal(HttpStatusCode.OK, putContract.StatusCode);
        Assert.Equal(contract["total"]!.GetValue<decimal>(), (await putContract.JsonAsync())["total"]!.GetValue<decimal>());
    }
}
