using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class ContactApiTests(SandboxServer sandbox)
{
    private static string NewEmail() => $"{Guid.NewGuid():N}@contacts.example.com";

    [Fact]
    public async Task Create_WithClientUuid_LinksTheClient()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var parent = (await client.GetJsonAsync("v2/client/search?size=1&page=2"))["data"]![0]!;
        var email = NewEmail();

        var created = await client.PostJsonAsync("v2/contact", new { clientId = parent.Text("uuid"), email, firstName = "Ada" });

        Assert.Equal(parent.Id(), created["clientId"]!.GetValue<long>());
        Assert.Equal(parent.Id(), created["tenantClientId"]!.GetValue<long>());
        Assert.Equal(parent.Text("name"), created["tenantClient"]!.Text("name"));
        Assert.StartsWith("cnt_", created.Text("uuid"), StringComparison.Ordinal);
        var found = await client.GetJsonAsync($"v2/contact/search?email={Uri.EscapeDataString(email)}");
        Assert.Equal(created.Id(), found["data"]![0]!.Id());
    }

    [Fact]
    public async Task Create_UnknownOrMissingClient_Returns422()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var unknown = await client.PostAsJsonAsync("v2/contact", new { clientId = 42, email = NewEmail() });
        using var missing = await client.PostAsJsonAsync("v2/contact", new { email = NewEmail() });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknown.StatusCode);
        Assert.Contains("does not match an existing client", (await unknown.JsonAsync())["errors"]![0]!.Text("message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, missing.StatusCode);
        Assert.Equal("clientId", (await missing.JsonAsync())["errors"]![0]!.Text("field"));
    }

    [Fact]
    public async Task Delete_ExistingContact_Returns204ThenGetIs404()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var created = await client.PostJsonAsync("v2/contact", new { clientId, email = NewEmail() });

        using var deleted = await client.DeleteAsync($"v2/contact/{created.Text("uuid")}");
        using var after = await client.GetAsync($"v2/contact/{created.Id()}");
        using var again = await client.DeleteAsync($"v2/contact/{created.Id()}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
    }

    [Fact]
    public async Task Upsert_SameEmailTwice_UpdatesOneContact()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var email = NewEmail();

        var first = await client.PostJsonAsync("v2/contact/upsert", new { clientId, email, title = "CTO" }, 201);
        var second = await client.PostJsonAsync("v2/contact/upsert", new { email = email.ToUpperInvariant(), phone = "+1-555-000-1111" }, 200);

        Assert.Equal(first.Id(), second.Id());
        Assert.Equal("CTO", second.Text("title"));
        Assert.Equal("+1-555-000-1111", second.Text("phone"));
        Assert.Equal(1, (await client.GetJsonAsync($"v2/contact/search?email={Uri.EscapeDataString(email)}"))["totalElements"]!.GetValue<int>());
    }

    [Fact]
    public async Task Upsert_WithoutEmail_Returns422()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);

        using var response = await client.PostAsJsonAsync("v2/contact/upsert", new { clientId, firstName = "No" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("email", (await response.JsonAsync())["errors"]![0]!.Text("field"));
    }

    [Fact]
    public async Task BatchUpsert_MixedItems_ReportsEachOutcome()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var existing = await client.PostJsonAsync("v2/contact", new { clientId, email = NewEmail(), title = "Old" });

        var body = await client.PostJsonAsync("v2/workato/contact/batchUpsert", new object[]
        {
            new { email = existing.Text("email"), title = "New" },
            new { clientId, email = NewEmail() },
            new { clientId = 1, email = NewEmail() },
            new { clientId, firstName = "No email" },
        }, 200);

        Assert.Equal(1, body["updated"]!.GetValue<int>());
        Assert.Equal(1, body["created"]!.GetValue<int>());
        Assert.Equal(2, body["failed"]!.GetValue<int>());
        var results = body["results"]!.AsArray();
        Assert.Equal(new[] { "updated", "created", "failed", "failed" }, results.Select(result => result!.Text("status")));
        Assert.Equal(existing.Id(), results[0]!.Id());
        Assert.Equal("New", (await client.GetJsonAsync($"v2/contact/{existing.Id()}")).Text("title"));
    }

    [Fact]
    public async Task Bulk_ValidContacts_Returns201AndOver100Is400()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);

        var created = await client.PostJsonAsync("v2/contact/bulk", new[] { new { clientId, email = NewEmail() }, new { clientId, email = NewEmail() } });
        using var tooMany = await client.PostAsJsonAsync("v2/contact/bulk", Enumerable.Range(0, 101).Select(_ => new { clientId, email = NewEmail() }));

        Assert.Equal(2, created.AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
    }

    [Fact]
    public async Task Search_ByClientId_ReturnsThatClientsContacts()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = (await client.GetJsonAsync("v2/contact/search?size=1"))["data"]![0]!["clientId"]!.GetValue<long>();

        var body = await client.GetJsonAsync($"v2/contact/search?clientId={clientId}");

        Assert.NotEmpty(body["data"]!.AsArray());
        Assert.All(body["data"]!.AsArray(), contact => Assert.Equal(clientId, contact!["clientId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Put_WithoutClient_Returns422AndPatchChangesOnlySentFields()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var created = await client.PostJsonAsync("v2/contact", new { clientId, email = NewEmail(), firstName = "Keep", title = "VP" });

        using var put = await client.PutAsJsonAsync($"v2/contact/{created.Id()}", new { firstName = "Lost" });
        using var patch = await client.PatchAsJsonAsync($"v2/contact/{created.Id()}", new { title = "SVP" });
        var patched = await patch.JsonAsync();

        Assert.Equal(HttpStatusCode.UnprocessableEntity, put.StatusCode);
        Assert.Equal("Keep", patched.Text("firstName"));
        Assert.Equal("SVP", patched.Text("title"));
    }
}
