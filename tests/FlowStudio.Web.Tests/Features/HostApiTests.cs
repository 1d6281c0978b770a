using System.Net;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features;

[Collection(AppCollection.Name)]
public sealed class HostApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task Health_ReturnsOk()
    {
        using var client = app.CreateClient();
        Assert.Equal("{\"status\":\"ok\"}", await client.GetStringAsync("/api/health"));
    }

    [Fact]
    public async Task HealthInstance_SaysTheRoleAndTheSchedulerInstance()
    {
        using var client = app.CreateClient();
        using var health = JsonDocument.Parse(await client.GetStringAsync("/api/health/instance"));
        Assert.Equal("all", health.RootElement.GetProperty("role").GetString());
        Assert.False(string.IsNullOrEmpty(health.RootElement.GetProperty("instance").GetString()));
    }

    [Fact]
    public async Task Connectors_ListsTheFiveConnectors()
    {
        using var client = app.CreateClient();
        using var json = JsonDocument.Parse(await client.GetStringAsync("/api/connectors"));
        var ids = json.RootElement.EnumerateArray().Select(c => c.GetProperty("id").GetString()).ToList();
        Assert.Equal(["clientsuccess", "clari", "rest", "zoho", "webhook"], ids);
    }

    [Fact]
    public async Task OpenApi_IsServed()
    {
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/credentials", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownApiRoute_Returns404Problem()
    {
        using var client = app.CreateClient();
        var response = await client.GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sandbox_IsMountedByDefault()
    {
        using var client = app.CreateClient();
        var body = await client.GetStringAsync("/sandbox/_state");
        Assert.Contains("clientsuccess", body, StringComparison.Ordinal);
    }
}
