using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class PulseApiTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Search_Default_ListsNewestFirst()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var times = (await client.GetJsonAsync("v2/pulse/search?size=200"))["data"]!.AsArray()
            .Select(pulse => pulse!.Text("createdTimestamp")).ToList();

        Assert.Equal(times.OrderByDescending(time => time, StringComparer.Ordinal), times);
    }

    [Fact]
    public async Task Search_ByClientId_ReturnsOnlyThatClientsPulses()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = (await client.GetJsonAsync("v2/pulse/search?size=1"))["data"]![0]!["clientId"]!.GetValue<long>();

        var body = await client.GetJsonAsync($"v2/pulse/search?clientId={clientId}");

        Assert.NotEmpty(body["data"]!.AsArray());
        Assert.All(body["data"]!.AsArray(), pulse => Assert.Equal(clientId, pulse!["clientId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Search_ByNoteAndSubject_MatchesCaseInsensitiveSubstrings()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var byNote = await client.GetJsonAsync("v2/pulse/search?note=COMPETITOR");
        var bySubject = await client.GetJsonAsync("v2/pulse/search?subject=renewal%20risk");

        Assert.NotEmpty(byNote["data"]!.AsArray());
        Assert.All(byNote["data"]!.AsArray(), pulse => Assert.Contains("competitor", pulse!.Text("note"), StringComparison.OrdinalIgnoreCase));
        Assert.NotEmpty(bySubject["data"]!.AsArray());
        Assert.All(bySubject["data"]!.AsArray(), pulse => Assert.Equal("Renewal risk review", pulse!.Text("subject")));
    }

    [Fact]
    public async Task Create_ValidPulse_AppearsFirstInSearchAndByUuid()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client, 3);

        var created = await client.PostJsonAsync("v2/pulse", new { clientId, dispositionType = "HIGH_RISK", note = "Champion left the company" });

        Assert.Equal("HIGH_RISK", created.Text("dispositionType"));
        Assert.Equal(5, created["dispositionId"]!.GetValue<int>());
        Assert.Equal(clientId, created["clientId"]!.GetValue<long>());
        var newest = (await client.GetJsonAsync($"v2/pulse/search?clientId={clientId}&size=1"))["data"]![0]!;
        Assert.Equal(created.Id(), newest.Id());
        var byUuid = await client.GetJsonAsync($"v2/pulse/{created.Text("uuid")}");
        Assert.Equal(created.Id(), byUuid.Id());
    }

    [Fact]
    public async Task Create_DispositionOutsideCreateEnum_Returns400UnableToParse()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);

        using var response = await client.PostAsJsonAsync("v2/pulse", new { clientId, dispositionType = "NEUTRAL" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unable to parse request body", (await response.JsonAsync()).Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_UnknownClient_Returns422NamingClientId()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsJsonAsync("v2/pulse", new { clientId = 999999, dispositionType = "SOME_RISK" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("clientId", (await response.JsonAsync())["errors"]![0]!.Text("field"));
    }

    [Fact]
    public async Task Create_MalformedJson_Returns400()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsync("v2/pulse", ClientSuccessHttp.Raw("{\"clientId\": 1001,"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Get_UnknownUuid_Returns404Message()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.GetAsync("v2/pulse/00000000-0000-4000-8000-000000000000");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.EndsWith("not found", (await response.JsonAsync()).Text("message"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_ModifiedAfter_ReturnsOnlyLaterPulses()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        var body = await client.GetJsonAsync("v2/pulse/search?modifiedAfter=2025-12-01T00:00:00Z&size=200");

        Assert.NotEmpty(body["data"]!.AsArray());
        Assert.All(body["data"]!.AsArray(), pulse => Assert.True(string.CompareOrdinal(pulse!.Text("createdTimestamp"), "2025-12-01T00:00:00.000Z") > 0));
    }

    [Fact]
    public async Task Create_ScoresSentAsNull_AreCalculatedFromTheClientsLastPulse()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client, 7);
        var first = await client.PostJsonAsync("v2/pulse", new { clientId = clientId.ToString(System.Globalization.CultureInfo.InvariantCulture), dispositionId = 1 });

        var second = await client.PostJsonAsync("v2/pulse", new { clientId, dispositionType = "SEVERE_RISK", startingScore = (int?)null, lastScoreChange = (int?)null });

        Assert.Equal("EXTREMELY_SATISFIED", first.Text("dispositionType"));
        Assert.Equal(first["currentScore"]!.GetValue<int>(), second["startingScore"]!.GetValue<int>());
        Assert.Equal(second["currentScore"]!.GetValue<int>() - first["currentScore"]!.GetValue<int>(), second["lastScoreChange"]!.GetValue<int>());
    }
}
