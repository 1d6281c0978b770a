using System.Net;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class AuditEventsTests(SandboxServer sandbox)
{
    [Fact]
    public async Task AuditEvents_FollowingNextLink_Returns250DistinctEvents()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var ids = new List<string>();
        var pages = new List<int>();
        var next = (string?)"v4/audit/events?limit=100";
        while (next is not null && pages.Count < 10)
        {
            var page = await ClariHttp.ReadJsonAsync(await client.GetAsync(next));
            var items = page.GetProperty("items").EnumerateArray().ToList();
            ids.AddRange(items.Select(item => item.GetProperty("correlationID").GetString()!));
            pages.Add(items.Count);
            next = page.TryGetProperty("nextLink", out var link) ? link.GetString() : null;
            if (next is not null)
            {
                Assert.StartsWith(new Uri(sandbox.BaseAddress, "/sandbox/clari/v4/audit/events?").ToString(), next, StringComparison.Ordinal);
            }
        }

        Assert.Equal([100, 100, 50], pages);
        Assert.Equal(250, ids.Distinct().Count());
    }

    [Fact]
    public async Task AuditEvents_DefaultLimit_Returns100WithActors()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var page = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/audit/events"));

        Assert.Equal(100, page.GetProperty("items").GetArrayLength());
        var actorIds = page.GetProperty("actors").EnumerateArray().Select(actor => actor.GetProperty("actorId").GetString()).ToHashSet();
        Assert.All(page.GetProperty("items").EnumerateArray(), item => Assert.Contains(item.GetProperty("actorId").GetString(), actorIds));
    }

    [Fact]
    public async Task AuditEvents_EventFilter_KeepsPageSizeAndFilter()
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var page = await ClariHttp.ReadJsonAsync(await client.GetAsync("v4/audit/events?limit=5&event=forecast"));
        var second = await ClariHttp.ReadJsonAsync(await client.GetAsync(page.GetProperty("nextLink").GetString()));

        Assert.All(
            page.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()),
            item => Assert.StartsWith("forecast.", item.GetProperty("event").GetString(), StringComparison.Ordinal));
        Assert.Equal(5, second.GetProperty("items").GetArrayLength());
    }

    [Theory]
    [InlineData("limit=0")]
    [InlineData("limit=1001")]
    [InlineData("limit=ten")]
    [InlineData("sessionType=DESKTOP")]
    public async Task AuditEvents_InvalidParameter_Returns400Errors(string query)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.GetAsync($"v4/audit/events?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = Assert.Single((await ClariHttp.ReadJsonAsync(response)).GetProperty("errors").EnumerateArray());
        Assert.Equal("400", error.GetProperty("status").GetString());
    }
}
