using System.Net;
using System.Text.Json;

namespace FlowStudio.Sandbox.Tests.Zoho;

[Collection(ZohoCollection.Name)]
public sealed class ZohoWriteTests(ZohoHost host) : IAsyncLifetime
{
    private const string ExistingAccountName = "Acme Systems 012";

    public Task InitializeAsync() => host.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Insert_AllValid_Returns201AndTheRecordsAreStored()
    {
        using var client = await host.CreateClientAsync();

        var response = await ZohoHttp.SendJsonAsync(client, HttpMethod.Post, "crm/v7/Accounts", new
        {
            data = new[] { new { Account_Name = "Northwind Traders", Account_Status = "Customer", Sync_with_ClientSuccess = true } },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var result = Assert.Single((await ZohoHttp.ReadJsonAsync(response)).GetProperty("data").EnumerateArray());
        Assert.Equal(("SUCCESS", "success", "record added"), Outcome(result));
        var id = result.GetProperty("details").GetProperty("id").GetString();
        Assert.Equal("2026-06-01T12:00:00+00:00", result.GetProperty("details").GetProperty("Modified_Time").GetString());
        var stored = (await ZohoHttp.ReadJsonAsync(await client.GetAsync($"crm/v7/Accounts/{id}"))).GetProperty("data")[0];
        Assert.Equal(("Northwind Traders", true), (stored.GetProperty("Account_Name").GetString(), stored.GetProperty("Sync_with_ClientSuccess").GetBoolean()));
        Assert.Equal(301, await CountAsync(client, "Accounts"));
    }

    [Fact]
    public async Task Delete_AnExistingAndAnUnknownId_Returns207AndRemovesTheExistingOne()
    {
        using var client = await host.CreateClientAsync();

        var response = await client.DeleteAsync("crm/v7/Contacts?ids=5725767000000200001,5725767000000999999");

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var results = (await ZohoHttp.ReadJsonAsync(response)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([("SUCCESS", "success", "record deleted"), ("INVALID_DATA", "error", "the related id given seems to be invalid")], results.Select(Outcome));
        Assert.Equal(HttpStatusCode.NoContent, (await client.GetAsync("crm/v7/Contacts/5725767000000200001")).StatusCode);
        Assert.Equal(599, await CountAsync(client, "Contacts"));
    }

    [Fact]
    public async Task Insert_MixedRecords_Returns207WithOneResultPerRecord()
    {
        using var client = await host.CreateClientAsync();

        var response = await ZohoHttp.SendJsonAsync(client, HttpMethod.Post, "crm/v7/Accounts", new
        {
            data = new object[]
            {
                new { Account_Name = "Contoso" },
                new { Website = "https://nameless.example.com" },
                new { Account_Name = "Fabrikam", Sync_with_ClientSuccess = "yes" },
                new { Account_Name = ExistingAccountName.ToUpperInvariant() },
            },
        });

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var results = (await ZohoHttp.ReadJsonAsync(response)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(["SUCCESS", "MANDATORY_NOT_FOUND", "INVALID_DATA", "DUPLICATE_DATA"], results.Select(r => r.GetProperty("code").GetString()));
        Assert.Equal(["success", "error", "error", "error"], results.Select(r => r.GetProperty("status").GetString()));
        Assert.Equal(("Account_Name", "$.data[1].Account_Name"), Where(results[1]));
        Assert.Equal(("Sync_with_ClientSuccess", "$.data[2].Sync_with_ClientSuccess"), Where(results[2]));
        Assert.Equal("boolean", results[2].GetProperty("details").GetProperty("expected_data_type").GetString());
        Assert.Equal("5725767000000100012", results[3].GetProperty("details").GetProperty("duplicate_record").GetProperty("id").GetString());
        Assert.Equal(301, await CountAsync(client, "Accounts"));
    }

    [Fact]
    public async Task Insert_101Records_Returns400LimitExceededAndStoresNothing()
    {
        using var client = await host.CreateClientAsync();

        var response = await ZohoHttp.SendJsonAsync(client, HttpMethod.Post, "crm/v7/Contacts", new
        {
            data = Enumerable.Range(1, 101).Select(i => new { Last_Name = $"Bulk {i}" }).ToArray(),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ZohoHttp.ReadJsonAsync(response);
        Assert.Equal(("LIMIT_EXCEEDED", 100), (body.GetProperty("code").GetString(), body.GetProperty("details").GetProperty("limit").GetInt32()));
        Assert.Equal(600, await CountAsync(client, "Contacts"));
    }

    [Fact]
    public async Task Insert_100Records_AreAllStored()
    {
        using var client = await host.CreateClientAsync();

        var response = await ZohoHttp.SendJsonAsync(client, HttpMethod.Post, "crm/v7/Contacts", new
        {
            data = Enumerable.Range(1, 100).Select(i => new { Last_Name = $"Bulk {i}" }).ToArray(),
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(700, await CountAsync(client, "Contacts"));
    }

    [Fact]
    public async Task Update_ById_ChangesOnlyTheGivenFieldsAndReportsBadIds()
    {
        using var client = await host.CreateClientAsync();

        var response = await ZohoHttp.SendJsonAsync(client, HttpMethod.Put, "crm/v7/Contacts", new
        {
            data = new object[]
            {
                new { id = "5725767000000200003", Title = "COO" },
                new { id = "5725767000000999999", Title = "COO" },
                new { Title = "COO" },
                new { id = "5725767000000200004", Account_Name = new { id = "5725767000000100299" } },
            },
        });

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var results = (await ZohoHttp.ReadJsonAsync(response)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(("SUCCESS", "success", "record updated"), Outcome(results[0]));
        Assert.Equal(("INVALID_DATA", "error"), (results[1].GetProperty("code").GetString(), results[1].GetProperty("status").GetString()));
        Assert.Equal(("id", "$.data[1].id"), Where(results[1]));
        Assert.Equal(("MANDATORY_NOT_FOUND", "$.data[2].id"), (results[2].GetProperty("code").GetString(), Where(results[2]).Path));
        Assert.Equal("SUCCESS", results[3].GetProperty("code").GetString());
        var updated = (await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Contacts/5725767000000200003"))).GetProperty("data")[0];
        Assert.Equal(("COO", "Diego"), (updated.GetProperty("Title").GetString(), updated.GetProperty("First_Name").GetString()));
        var moved = (await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Contacts/5725767000000200004"))).GetProperty("data")[0];
        var account = (await ZohoHttp.ReadJsonAsync(await client.GetAsync("crm/v7/Accounts/5725767000000100299"))).GetProperty("data")[0];
        Assert.Equal(
            ("5725767000000100299", account.GetProperty("Account_Name").GetString()),
            (moved.GetProperty("Account_Name").GetProperty("id").GetString(), moved.GetProperty("Account_Name").GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Upsert_DuplicateCheckFields_UpdatesMatchesAndInsertsTheRest()
    {
        using var client = await host.CreateClientAsync();

        var response = await ZohoHttp.SendJsonAsync(client, HttpMethod.Post, "crm/v7/Contacts/upsert", new
        {
            duplicate_check_fields = new[] { "Email" },
            data = new object[]
            {
                new { Email = "BEN.ANDERS.1@example.com", Last_Name = "Anders-Smith" },
                new { Email = "new.person@example.com", First_Name = "New", Last_Name = "Person", Account_Name = new { id = "5725767000000100001" } },
                new { Email = "nameless@example.com" },
                new { Email = "not-an-email", Last_Name = "Broken" },
            },
        });

        Assert.Equal(HttpStatusCode.MultiStatus, response.StatusCode);
        var results = (await ZohoHttp.ReadJsonAsync(response)).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal(("SUCCESS", "update", "Email"), (results[0].GetProperty("code").GetString(), results[0].GetProperty("action").GetString(), results[0].GetProperty("duplicate_field").GetString()));
        Assert.Equal("5725767000000200001", results[0].GetProperty("details").GetProperty("id").GetString());
        Assert.Equal(("SUCCESS", "insert", JsonValueKind.Null), (results[1].GetProperty("code").GetString(), results[1].GetProperty("action").GetString(), results[1].GetProperty("duplicate_field").ValueKind));
        Assert.Equal(("MANDATORY_NOT_FOUND", "Last_Name"), (results[2].GetProperty("code").GetString(), Where(results[2]).Field));
        Assert.Equal(("INVALID_DATA", "email"), (results[3].GetProperty("code").GetString(), results[3].GetProperty("details").GetProperty("expected_data_type").GetString()));
        var inserted = (await ZohoHttp.ReadJsonAsync(await client.GetAsync($"crm/v7/Contacts/{results[1].GetProperty("details").GetProperty("id").GetString()}"))).GetProperty("data")[0];
        Assert.Equal("5725767000000100001", inserted.GetProperty("Account_Name").GetProperty("id").GetString());
        Assert.False(string.IsNullOrEmpty(inserted.GetProperty("Account_Name").GetProperty("name").GetString()));
        Assert.Equal(601, await CountAsync(client, "Contacts"));
    }

    [Theory]
    [InlineData("{\"duplicate_check_fields\":[\"Shoe_Size\"],\"data\":[{\"Account_Name\":\"X\"}]}", "INVALID_DATA")]
    [InlineData("{\"data\":[]}", "MANDATORY_NOT_FOUND")]
    [InlineData("not json", "MANDATORY_NOT_FOUND")]
    public async Task Upsert_BadBody_Returns400(string body, string code)
    {
        using var client = await host.CreateClientAsync();

        var response = await client.PostAsync("crm/v7/Accounts/upsert", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (await ZohoHttp.ReadJsonAsync(response)).GetProperty("code").GetString());
    }

    [Fact]
    public async Task Reset_RestoresTheSeed()
    {
        using var client = await host.CreateClientAsync();
        await ZohoHttp.SendJsonAsync(client, HttpMethod.Post, "crm/v7/Accounts", new { data = new[] { new { Account_Name = "Temporary" } } });

        await host.ResetAsync();

        using var fresh = await host.CreateClientAsync();
        Assert.Equal(300, await CountAsync(fresh, "Accounts"));
        Assert.Equal(HttpStatusCode.NoContent, (await fresh.GetAsync("crm/v7/Accounts/search?criteria=(Account_Name:equals:Temporary)")).StatusCode);
    }

    private static (string? Code, string? Status, string? Message) Outcome(JsonElement result) =>
        (result.GetProperty("code").GetString(), result.GetProperty("status").GetString(), result.GetProperty("message").GetString());

    private static (string? Field, string? Path) Where(JsonElement result) =>
        (result.GetProperty("details").GetProperty("api_name").GetString(), result.GetProperty("details").GetProperty("json_path").GetString());

    private static async Task<int> CountAsync(HttpClient client, string module)
    {
        var total = 0;
        for (var page = 1; ; page++)
        {
            var response = await client.GetAsync($"crm/v7/{module}?fields=id&per_page=200&page={page}");
            if (response.StatusCode == HttpStatusCode.NoContent)
            {
                return total;
            }

            var body = await ZohoHttp.ReadJsonAsync(response);
            total += body.GetProperty("info").GetProperty("count").GetInt32();
            if (!body.GetProperty("info").GetProperty("more_records").GetBoolean())
            {
                return total;
            }
        }
    }
}
