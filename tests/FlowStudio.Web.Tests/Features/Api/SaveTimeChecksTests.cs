using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Api;

/// <summary>What a save used to ignore, or accept only to fail later, is refused when saved, naming the field; nothing is stored.</summary>
[Collection(AppCollection.Name)]
public sealed class SaveTimeChecksTests(FlowStudioApp app)
{
    public static TheoryData<string, string> Sources => new()
    {
        { """{"name": "NAME", "connector": "bogus", "credentialId": "CS", "templateId": "clientsuccess.search-pulses"}""", "connector" },
        { """{"name": "NAME", "connector": "webhook", "credentialId": "CS", "manual": {"url": "/v2/pulse/search", "dataPath": "$.data[*]"}}""", "connector" },
        { """{"name": "NAME", "credentialId": "CS", "templateId": "clientsuccess.search-pulses", "parameters": {"zzz": "1"}}""", "parameters.zzz" },
        { """{"name": "NAME", "credentialId": "CS", "manual": {"url": "/v2/pulse/search", "dataPath": "$.data[*]", "pagination": {"type": "pageSize", "pageParam": "page", "sizeParam": "size", "size": 100, "startPage": -5}}}""", "pagination" },
        { """{"name": "NAME", "credentialId": "CS", "manual": {"url": "/v2/pulse/search", "dataPath": "$.data[*]", "pagination": {"type": "pageSize", "pageParam": "page", "sizeParam": "size", "size": 2147483647}}}""", "pagination" },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public async Task CreateSource_IgnoredOrLaterFailingSetting_Is400NamingIt(string body, string field)
    {
        using var client = app.CreateClient();
        var name = "Checked " + Guid.NewGuid().ToString("N")[..6];
        body = body.Replace("NAME", name, StringComparison.Ordinal).Replace("\"CS\"", $"\"{await client.CredentialIdAsync("ClientSuccess Sandbox")}\"", StringComparison.Ordinal);

        using var response = await client.PostAsync("/api/sources", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(400, (int)response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/sources"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a{b}")]
    public async Task CreateLookup_ColumnAMacroCannotName_Is400(string column)
    {
        using var client = app.CreateClient();
        var name = "cols" + Guid.NewGuid().ToString("N")[..6];

        using var response = await client.PostAsJsonAsync("/api/lookups", new { name, rows = new[] { new Dictionary<string, string> { ["id"] = "1", [column] = "x" } } });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("rows", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(name, await client.GetStringAsync("/api/lookups"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/api/sources", "line\r\nbreak")]
    [InlineData("/api/sources", "nul\u0000name")]
    [InlineData("/api/api-keys", "right-to-left \u202Egnp.exe")]
    [InlineData("/api/transforms", "tab\tname")]
    public async Task Create_NameWithControlCharacters_Is400NamingTheName(string route, string name)
    {
        using var client = app.CreateClient();

        using var response = await client.PostAsJsonAsync(route, new { name, connector = "webhook" });

        Assert.Equal(400, (int)response.StatusCode);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out var messages), problem.ToString());
        Assert.Contains("control characters", messages.ToString(), StringComparison.Ordinal);
    }
}
