using System.Net;
using System.Text.Json;

namespace FlowStudio.Sandbox.Tests.Zoho;

[Collection(ZohoCollection.Name)]
public sealed class ZohoReadTests(ZohoHost host) : IAsyncLifetime
{
    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task List_Pages_ServesAllSeededAccountsAndStopsOnMoreRecords()
    {
        using var client = await host.CreateClientAsync();

        var first = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Accounts?fields=Account_Name,Modified_Time&page=1&per_page=200"));
        var second = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Accounts?fields=Account_Name,Modified_Time&page=2&per_page=200"));
        var third = await client.GetAsync("crm/v7/Accounts?fields=Account_Name&page=3&per_page=200");

        Assert.Equal((200, 1, true), Info(first));
        Assert.Equal((100, 2, false), Info(second));
        Assert.Equal(HttpStatusCode.NoContent, third.StatusCode);
        var ids = first.GetProperty("data").EnumerateArray().Concat(second.GetProperty("data").EnumerateArray()).Select(r => r.GetProperty("id").GetString()).ToList();
        Assert.Equal(300, ids.Distinct().Count());
        Assert.Equal(ids.OrderByDescending(id => id, StringComparer.Ordinal), ids);
    }

    [Fact]
    public async Task List_Fields_ReturnsOnlyTheAskedFieldsAndId()
    {
        using var client = await host.CreateClientAsync();

        var body = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Contacts?fields=Last_Name,Account_Name&per_page=5&sort_order=asc"));

        var record = body.GetProperty("data")[0];
        Assert.Equal(["id", "Last_Name", "Account_Name"], record.EnumerateObject().Select(p => p.Name));
        Assert.Equal("5725767000000200001", record.GetProperty("id").GetString());
        Assert.Equal("5725767000000100001", record.GetProperty("Account_Name").GetProperty("id").GetString());
        Assert.Equal((5, 1, true), Info(body));
    }

    [Theory]
    [InlineData("crm/v7/Accounts", "REQUIRED_PARAM_MISSING")]
    [InlineData("crm/v7/Accounts?fields=Account_Name&per_page=201", "INVALID_DATA")]
    [InlineData("crm/v7/Accounts?fields=No_Such_Field", "INVALID_DATA")]
    [InlineData("crm/v7/Leadz?fields=Last_Name", "INVALID_MODULE")]
    public async Task List_BadRequest_Returns400WithZohoCode(string path, string code)
    {
        using var client = await host.CreateClientAsync();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(response);
        Assert.Equal((code, "error"), (body.GetProperty("code").GetString(), body.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task List_IfModifiedSince_Returns304WhenNothingNewerThenOnlyTheChangedRecord()
    {
        using var client = await host.CreateClientAsync();
        var since = "2026-03-01T00:00:00+00:00";

        var unchanged = await GetSinceAsync(client, since);
        var update = await ZohoHttp.SendJsonAsync(client, HttpMethod.Put, "crm/v7/Accounts", new { data = new[] { new { id = "5725767000000100007", Phone = "+1 555 0000" } } });
        var changed = await GetSinceAsync(client, since);

        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, update.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(changed);
        var record = Assert.Single(body.GetProperty("data").EnumerateArray());
        Assert.Equal(("5725767000000100007", "+1 555 0000"), (record.GetProperty("id").GetString(), record.GetProperty("Phone").GetString()));
        Assert.Equal("2026-06-01T12:00:00+00:00", record.GetProperty("Modified_Time").GetString());
    }

    [Fact]
    public async Task Get_ById_ReturnsTheWholeRecordOr204()
    {
        using var client = await host.CreateClientAsync();

        var found = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Accounts/5725767000000100015"));
        var missing = await client.GetAsync("crm/v7/Accounts/5725767000000999999");

        var record = Assert.Single(found.GetProperty("data").EnumerateArray());
        Assert.Equal("Customer", record.GetProperty("Account_Status").GetString());
        Assert.True(record.GetProperty("Sync_with_ClientSuccess").GetBoolean());
        Assert.StartsWith("https://www.", record.GetProperty("Website").GetString());
        Assert.Equal(HttpStatusCode.NoContent, missing.StatusCode);
    }

    [Fact]
    public async Task Search_OrCriteria_MatchesCustomersOrSyncedAccounts()
    {
        using var client = await host.CreateClientAsync();

        var response = await client.GetAsync("crm/v7/Accounts/search?criteria=" + Uri.EscapeDataString("((Account_Status:equals:Customer)or(Sync_with_ClientSuccess:equals:true))"));
        var body = await ZohoHttp.ReadJsonAsync(response);

        // Every third account is a Customer and every fifth synced: 100 + 60 - 20 = 140.
        Assert.Equal((140, 1, false), Info(body));
        Assert.All(body.GetProperty("data").EnumerateArray(), r =>
            Assert.True(r.GetProperty("Account_Status").GetString() == "Customer" || r.GetProperty("Sync_with_ClientSuccess").GetBoolean()));
    }

    [Fact]
    public async Task Search_StartsWithAndLookupName_MatchContacts()
    {
        using var client = await host.CreateClientAsync();
        var account = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Accounts/5725767000000100004"));
        var name = account.GetProperty("data")[0].GetProperty("Account_Name").GetString()!;

        var byAccount = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Contacts/search?criteria=" + Uri.EscapeDataString($"(Account_Name:equals:{name})")));
        var byEmail = await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Contacts/search?criteria=" + Uri.EscapeDataString("((Email:starts_with:AVA.)and(Title:equals:ceo))")));

        Assert.Equal(["5725767000000200007", "5725767000000200008"], byAccount.GetProperty("data").EnumerateArray().Select(r => r.GetProperty("id").GetString()));
        Assert.NotEmpty(byEmail.GetProperty("data").EnumerateArray());
        Assert.All(byEmail.GetProperty("data").EnumerateArray(), r =>
            Assert.Equal(("CEO", true), (r.GetProperty("Title").GetString(), r.GetProperty("Email").GetString()!.StartsWith("ava.", StringComparison.Ordinal))));
    }

    [Fact]
    public async Task Search_NoMatch_Returns204()
    {
        using var client = await host.CreateClientAsync();

        var response = await client.GetAsync("crm/v7/Accounts/search?criteria=" + Uri.EscapeDataString("(Account_Name:equals:Nobody Inc)"));

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
    }

    [Theory]
    [InlineData("(Account_Name:equals:Acme", null)]
    [InlineData("(Account_Name:like:Acme)", "Account_Name")]
    [InlineData("(Favourite_Colour:equals:Blue)", "Favourite_Colour")]
    public async Task Search_BadCriteria_Returns400InvalidQuery(string criteria, string? field)
    {
        using var client = await host.CreateClientAsync();

        var response = await client.GetAsync("crm/v7/Accounts/search?criteria=" + Uri.EscapeDataString(criteria));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(response);
        Assert.Equal("INVALID_QUERY", body.GetProperty("code").GetString());
        Assert.Equal(field, body.GetProperty("details").TryGetProperty("api_name", out var name) ? name.GetString() : null);
    }

    private static async Task<HttpResponseMessage> GetSinceAsync(HttpClient client, string since)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "crm/v7/Accounts?fields=Phone,Modified_Time");
        request.Headers.TryAddWithoutValidation("If-Modified-Since", since);
        return await client.SendAsync(request);
    }

    private static (int Count, int Page, bool More) Info(JsonElement body)
    {
        var info = body.GetProperty("info");
        return (info.GetProperty("count").GetInt32(), info.GetProperty("page").GetInt32(), info.GetProperty("more_records").GetBoolean());
    }
}
