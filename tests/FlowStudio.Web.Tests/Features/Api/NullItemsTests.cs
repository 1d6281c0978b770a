using System.Net;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Api;

/// <summary>
/// Bodies that are valid JSON but hold a null where a list item or a value belongs are refused with a 400 problem document
/// that names the place, and store nothing (each of these was a 500 before).
/// </summary>
[Collection(AppCollection.Name)]
public sealed class NullItemsTests(FlowStudioApp app)
{
    [Theory]
    [InlineData("/api/destinations", """{"name": "n", "datasetId": "ds_x", "credentialId": "cred_x", "templateId": "clari.upload-entity-data", "mapping": [null]}""", "$.mapping", 0)]
    [InlineData("/api/lookups", """{"name": "lk_null", "rows": [null]}""", "$.rows", 0)]
    [InlineData("/api/lookups", """{"name": "lk_null", "rows": [{"id": "1"}, null]}""", "$.rows", 1)]
    [InlineData("/api/transforms", """{"name": "t", "steps": [null]}""", "$.steps", 0)]
    public async Task Create_NullListItem_Is400NamingIt(string route, string body, string path, int item)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsync(route, new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString();
        Assert.Contains($"Item {item} of a list is null", detail, StringComparison.Ordinal);
        Assert.Contains($"Path: {path}", detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("formatVersion", "\"2\"", "format version is \"2\"")]
    [InlineData("destinations", "[null]", "is null")]
    [InlineData("lookups", "[null]", "is null")]
    [InlineData("transforms", "[null]", "is null")]
    [InlineData("lookups", """[{"name": "lk2", "keyColumn": "x", "rows": [null]}]""", "is null")]
    public async Task Import_NullOrMistypedPart_Is400WithAMessage_AndCreatesNothing(string property, string value, string message)
    {
        using var client = app.CreateClient();
        var sourcesBefore = JsonDocument.Parse(await client.GetStringAsync("/api/sources")).RootElement.GetArrayLength();
        var version = property == "formatVersion" ? "" : "\"formatVersion\": 1, ";
        var document = "{\"format\": \"flowstudio.flow\", " + version + "\"source\": {\"name\": \"s\", \"config\": {}}, \"" + property + "\": " + value + "}";

        var problem = await client.PostJsonAsync("/api/flows/import", new { document = JsonDocument.Parse(document).RootElement }, 400);

        Assert.Contains(message, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(sourcesBefore, JsonDocument.Parse(await client.GetStringAsync("/api/sources")).RootElement.GetArrayLength());
    }

    [Fact]
    public async Task CreateSyncDestination_FieldMappedToNothing_Is400NamingTheRow()
    {
        using var client = app.CreateClient();
        var datasetId = await Flows.ClariAccountsDatasetAsync(client, 3);

        var problem = await client.PostJsonAsync("/api/destinations", new
        {
            name = "Null mapping " + Guid.NewGuid().ToString("N")[..6],
            datasetId,
            credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox"),
            sync = new { objectType = "Client", mode = "Insert", fieldMapping = new Dictionary<string, string?> { ["subject"] = null } },
        }, 400);

        Assert.Contains("sync.fieldMapping.subject", problem.ToString(), StringComparison.Ordinal);
    }
}
