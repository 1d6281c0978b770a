using System.Net;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class OpportunityTests(SandboxServer sandbox)
{
    private static string Ids(int count) => string.Join('&', Enumerable.Range(1, count).Select(i => $"oppId=006Sb{i:D10}AAE"));

    [Fact]
    public async Task Opportunity_KnownIds_ReturnsEachWithScoreAndFields()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync("v4/opportunity?oppId=006Sb0000000001AAE&oppId=006Sb0000000002AAE&oppId=006Z000000UNKNOWN&mode=OPPORTUNITY_MODE_ID");
        var opportunities = (await ClariHttp.ReadJsonAsync(response)).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["006Sb0000000001AAE", "006Sb0000000002AAE"], opportunities.Select(opportunity => opportunity.GetProperty("id").GetString()));
        Assert.All(opportunities, opportunity =>
        {
            Assert.True(opportunity.GetProperty("crmScore").TryGetProperty("score", out _));
            Assert.Contains(opportunity.GetProperty("fields").EnumerateArray(), field => field.GetProperty("id").GetString() == "opportunity.amount");
        });
    }

    [Fact]
    public async Task Opportunity_100Ids_Returns200()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync($"v4/opportunity?{Ids(100)}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(100, (await ClariHttp.ReadJsonAsync(response)).GetArrayLength());
    }

    [Theory]
    [InlineData(101)]
    [InlineData(0)]
    public async Task Opportunity_TooManyOrNoIds_Returns400(int count)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync($"v4/opportunity?{Ids(count)}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await ClariHttp.ReadJsonAsync(response)).EnumerateArray());
        Assert.Equal(400, error.GetProperty("statusCode").GetInt32());
        Assert.Equal("Bad Request", error.GetProperty("reaspnPhrase").GetString());
    }
}
