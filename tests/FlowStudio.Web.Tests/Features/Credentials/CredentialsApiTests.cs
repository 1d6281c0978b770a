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
        var databaseBytes = await File.ReadAllBytesAsync(Path.Combine(app.DataDirectory, "flowstudio.db"));
        var wal = Path.Combine(app.DataDirectory, "flowstudio.db-wal");
        var all = System.Text.Encoding.UTF8.GetString(databaseBytes) + (File.Exists(wal) ? System.Text.Encoding.UTF8.GetString(await File.ReadAllBytesAsync(wal)) : "");

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
    public async Task Test_SandboxCredential_Connects(string name)
    {
        using var client = app.CreateClient();
        var id = await client.CredentialIdAsync(name);

        var result = await client.PostJsonAsync($"/api/credentials/{id}/test", new { }, 200);

        Assert.True(result.GetProperty("ok").GetBoolean(), result.ToString());
        Assert.Equal(200, result.GetProperty("status").GetInt32());
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
}
