using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Credentials;

[Collection(AppCollection.Name)]
public sealed class CredentialsApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task List_FirstStart_HasSandboxCredentialsWithMaskedSecrets()
    {
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/api/credentials");

        using var json = JsonDocument.Parse(body);
        var names = json.RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()).ToList();
        Assert.Contains("ClientSuccess Sandbox", names);
        Assert.Contains("Clari Sandbox", names);
        Assert.Contains("Zoho CRM Sandbox", names);
        Assert.DoesNotContain("zoho-sandbox-client-secret", body, StringComparison.Ordinal);
        Assert.DoesNotContain("cs-sandbox-key", body, StringComparison.Ordinal);
        Assert.DoesNotContain("clari-sandbox-partner", body, StringComparison.Ordinal);
        Assert.Contains("••••", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_Valid_Returns201AndMasksSecret()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = $"Clari {Guid.NewGuid():N}",
            fields = new { apiKey = "a-very-long-clari-api-key-0042", partnerKey = "partner-1" },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("a-very-long-clari-api-key-0042", body, StringComparison.Ordinal);
        Assert.Contains("\"apiKey\":\"••••••••\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("42", JsonDocument.Parse(body).RootElement.GetProperty("fields").GetProperty("apiKey").GetString()!, StringComparison.Ordinal);
        Assert.EndsWith(JsonDocument.Parse(body).RootElement.GetProperty("id").GetString()!, response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownConnector_Returns400NamingField()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/credentials", new { connector = "salesforce", name = "x", fields = new { } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("connector", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MalformedBaseUrl_Returns400AndStoresNothing()
    {
        using var client = app.CreateClient();
        var name = $"Bad {Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "rest",
            name,
            fields = new { baseUrl = "htp:/nope", authType = "none" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("fields.baseUrl", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/credentials"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("headerName", "X-A\r\nInjected: 1", "fields.headerName")]
    [InlineData("headerName", "X API Key", "fields.headerName")]
    [InlineData("apiKey", "sk-live-4242\r\nX-Injected: 1", "fields.apiKey")]
    [InlineData("baseUrl", "https://user:SeCrEtZz-pass-99887766@api.example.com", "fields.baseUrl")]
    [InlineData("allowedOrigins", "https://files.example.com, not a url", "fields.allowedOrigins")]
    [InlineData("allowedOrigins", "https://files.example.com/some/path", "fields.allowedOrigins")]
    public async Task Create_FieldThatCannotGoOnTheWire_Returns400NamingItWithoutRepeatingASecret(string field, string value, string expected)
    {
        using var client = app.CreateClient();
        var name = $"Wire {Guid.NewGuid():N}";
        var fields = new Dictionary<string, string> { ["baseUrl"] = "https://api.example.com", ["authType"] = "apiKey", ["apiKey"] = "sk-live-0001", [field] = value };

        var response = await client.PostAsJsonAsync("/api/credentials", new { connector = "rest", name, fields });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains(expected, body, StringComparison.Ordinal);
        Assert.DoesNotContain("SeCrEtZz", body, StringComparison.Ordinal);
        Assert.DoesNotContain("sk-live-4242", body, StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/credentials"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400Problem()
    {
        using var client = app.CreateClient();
        using var content = new StringContent("{\"connector\": \"clari\", ", System.Text.Encoding.UTF8, "application/json");
        var response = await client.PostAsync("/api/credentials", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not valid JSON", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_DuplicateName_Returns409()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = "Clari Sandbox",
            fields = new { apiKey = "k" },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Secrets_AreEncryptedAtRest()
    {
        var all = await app.StoredTextAsync();

        Assert.Contains("Clari Sandbox", all, StringComparison.Ordinal);
        Assert.DoesNotContain("clari-sandbox-key", all, StringComparison.Ordinal);
        Assert.True(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "keys"), "*.xml").Any(), "the key ring is persisted beside the database");
    }
}

[Collection(AppCollection.Name)]
public sealed class CredentialTestApiTests(FlowStudioApp app)
{
    [Theory]
    [InlineData("ClientSuccess Sandbox")]
    [InlineData("Clari Sandbox")]
    [InlineData("Zoho CRM Sandbox")]
    public async Task Test_SandboxCredential_Connects(string name)
    {
        using var client = app.CreateClient();
        var id = await client.CredentialIdAsync(name);

        var result = await client.PostJsonAsync($"/api/credentials/{id}/test", new { }, 200);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(200, result.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Test_ZohoWrongRefreshToken_ReportsTheAccountsServerRefusalWithoutTheSecrets()
    {
        using var client = app.CreateClient();
        var created = await client.PostJsonAsync("/api/credentials", new
        {
            connector = "zoho",
            name = "Zoho revoked " + Guid.NewGuid().ToString("N")[..6],
            fields = new
            {
                baseUrl = "/sandbox/zoho",
                accountsUrl = "/sandbox/zoho",
                clientId = "1000.ZOHOSANDBOXCLIENT",
                clientSecret = "zoho-sandbox-client-secret",
                refreshToken = "1000.revoked-refresh-token",
            },
        }, 201);

        var result = await client.PostJsonAsync($"/api/credentials/{created.GetProperty("id").GetString()}/test", new { }, 200);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains("invalid_code", result.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("revoked-refresh-token", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("zoho-sandbox-client-secret", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_ZohoWithoutRefreshToken_Returns400NamingTheField()
    {
        using var client = app.CreateClient();
        var response = await client.PostAsJsonAsync("/api/credentials", new
        {
            connector = "zoho",
            name = "Zoho incomplete " + Guid.NewGuid().ToString("N")[..6],
            fields = new { clientId = "1000.X", clientSecret = "s", accountsUrl = "accounts.zoho.eu" },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("fields.refreshToken", body, StringComparison.Ordinal);
        Assert.Contains("fields.accountsUrl", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_WrongKey_ReportsTheRefusal()
    {
        using var client = app.CreateClient();
        var created = await client.PostJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = "Wrong key " + Guid.NewGuid().ToString("N")[..6],
            fields = new { baseUrl = "/sandbox/clari", apiKey = "not-the-key" },
        }, 201);

        var result = await client.PostJsonAsync($"/api/credentials/{created.GetProperty("id").GetString()}/test", new { }, 200);

        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Equal(401, result.GetProperty("status").GetInt32());
        Assert.Contains("refused the credential", result.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("not-the-key", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Update_NameAndBaseUrlWithoutTheSecret_KeepsTheSavedSecret()
    {
        using var client = app.CreateClient();
        var id = await NewClariAsync(client, apiKey: "clari-sandbox-key");
        var name = "Clari renamed " + Guid.NewGuid().ToString("N")[..6];

        var response = await client.PutAsJsonAsync($"/api/credentials/{id}", new { name, fields = new { baseUrl = "/sandbox/clari" } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(name, json.RootElement.GetProperty("name").GetString());
        Assert.Equal("••••••••", json.RootElement.GetProperty("fields").GetProperty("apiKey").GetString());
        // The kept key still works: the sandbox accepts it.
        var test = await client.PostJsonAsync($"/api/credentials/{id}/test", new { }, 200);
        Assert.True(test.GetProperty("ok").GetBoolean(), test.ToString());
    }

    [Fact]
    public async Task Update_NewSecret_ReplacesTheSavedOne()
    {
        using var client = app.CreateClient();
        var id = await NewClariAsync(client, apiKey: "clari-sandbox-key");

        var response = await client.PutAsJsonAsync($"/api/credentials/{id}", new
        {
            name = "Clari new key " + Guid.NewGuid().ToString("N")[..6],
            fields = new { baseUrl = "/sandbox/clari", apiKey = "not-the-key" },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("not-the-key", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var test = await client.PostJsonAsync($"/api/credentials/{id}/test", new { }, 200);
        Assert.Equal(401, test.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Update_AnotherConnectorOrBadFields_Returns400WithEveryProblem()
    {
        using var client = app.CreateClient();
        var id = await NewClariAsync(client, apiKey: "k");

        var moved = await client.PutAsJsonAsync($"/api/credentials/{id}", new { connector = "rest", name = "x", fields = new { } });
        var invalid = await client.PutAsJsonAsync($"/api/credentials/{id}", new { name = "", fields = new { baseUrl = "htp:/nope" } });

        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Contains("keeps its connector", await moved.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        var errors = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _), errors.ToString());
        Assert.True(errors.TryGetProperty("fields.baseUrl", out _), errors.ToString());
    }

    [Fact]
    public async Task Update_Missing_Returns404()
    {
        using var client = app.CreateClient();

        var response = await client.PutAsJsonAsync("/api/credentials/cred_missing", new { name = "x", fields = new { } });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Delete_UsedBySourceAndDestination_Returns409NamingThemAndKeepsIt()
    {
        using var client = app.CreateClient();
        var id = await NewClariAsync(client, apiKey: "clari-sandbox-key");
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Audit events " + Guid.NewGuid().ToString("N")[..6], credentialId = id, manual = new { method = "GET", url = "/v4/audit/events", dataPath = "$.events[*]" },
        }, 201);
        var destination = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Accounts " + Guid.NewGuid().ToString("N")[..6],
            datasetId = source.GetProperty("datasetId").GetString(),
            credentialId = id,
            manual = new { url = "/v2/ingest/entity/account" },
        }, 201);

        var response = await client.DeleteAsync($"/api/credentials/{id}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var detail = problem.GetProperty("detail").GetString()!;
        Assert.Contains($"the source “{source.GetProperty("name").GetString()}”", detail, StringComparison.Ordinal);
        Assert.Contains($"the destination “{destination.GetProperty("name").GetString()}”", detail, StringComparison.Ordinal);
        Assert.Equal(
            [source.GetProperty("id").GetString(), destination.GetProperty("id").GetString()],
            problem.GetProperty("dependents").EnumerateArray().Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/credentials/{id}")).StatusCode);

        await client.DeleteAsync($"/api/destinations/{destination.GetProperty("id").GetString()}");
        await client.DeleteAsync($"/api/sources/{source.GetProperty("id").GetString()}");
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/credentials/{id}")).StatusCode);
    }

    private static async Task<string> NewClariAsync(HttpClient client, string apiKey) =>
        (await client.PostJsonAsync("/api/credentials", new
        {
            connector = "clari",
            name = "Clari " + Guid.NewGuid().ToString("N")[..8],
            fields = new { baseUrl = "/sandbox/clari", apiKey },
        }, 201)).GetProperty("id").GetString()!;
}
