using System.Net;
using System.Text.Json;
using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Audit;

/// <summary>Who changed what: every change through the API or a page is in the audit log with the acting user (and key).</summary>
[Collection(AppCollection.Name)]
public sealed class AuditTests(FlowStudioApp app)
{
    [Fact]
    public async Task ApiChange_WithAKey_IsLoggedWithTheUserKeyActionAndResource()
    {
        using var owner = app.CreateClient();
        var lookup = await owner.PostJsonAsync("/api/lookups", new { name = "audited_" + Guid.NewGuid().ToString("N")[..6], rows = new[] { new { id = "1" } } }, 201);
        var id = lookup.GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/lookups/{id}")).StatusCode);

        var entries = await EntriesAsync(owner);

        var created = entries.First(e => e.GetProperty("resourceId").GetString() == id && e.GetProperty("action").GetString() == "create");
        Assert.Equal("lookup", created.GetProperty("resource").GetString());
        Assert.Equal(TestAccounts.OwnerEmail, created.GetProperty("actor").GetString());
        Assert.Equal("Bootstrap", created.GetProperty("apiKeyName").GetString());
        Assert.Contains(entries, e => e.GetProperty("resourceId").GetString() == id && e.GetProperty("action").GetString() == "delete");
    }

    [Fact]
    public async Task RefusedChange_IsNotLogged()
    {
        using var owner = app.CreateClient();
        var before = (await EntriesAsync(owner)).First().GetProperty("id").GetInt64();

        await owner.PostJsonAsync("/api/lookups", new { name = "bad name!" }, 400);

        Assert.Equal(before, (await EntriesAsync(owner)).First().GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task AuditPage_Owner_ListsTheLatestChanges()
    {
        using var owner = app.CreateClient();
        await owner.PostJsonAsync("/api/lookups", new { name = "listed_" + Guid.NewGuid().ToString("N")[..6], rows = new[] { new { id = "1" } } }, 201);
        using var session = await BrowserSession.SignInAsync(app, TestAccounts.OwnerEmail, TestAccounts.OwnerPassword);

        var page = await session.PageAsync("/audit");

        var first = page.QuerySelector("[data-testid=audit-table] tbody tr")!.TextContent;
        Assert.Contains(TestAccounts.OwnerEmail, first, StringComparison.Ordinal);
        Assert.Contains("Create", first, StringComparison.Ordinal);
        Assert.Contains("Lookup", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Routes_EveryChangingRoute_HasAnAuditedActionOrIsAPreview()
    {
        var previews = new[] { "/api/destinations/sample-payloads", "/account/sign-out" };
        var unaudited = new List<string>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null
                || previews.Contains(pattern))
            {
                continue;
            }

            unaudited.AddRange((endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [])
                .Where(m => m is not ("GET" or "HEAD") && AuditRoute.Describe(m, pattern) is null)
                .Select(m => $"{m} {pattern}"));
        }

        Assert.Empty(unaudited);
    }

    [Theory]
    [InlineData("POST", "/api/sources", "Create", "Source")]
    [InlineData("PUT", "/api/destinations/{id}", "Update", "Destination")]
    [InlineData("POST", "/api/destinations/{id}/retry-failed", "RetryFailed", "Destination")]
    [InlineData("PUT", "/api/credentials/{id}", "Update", "Credential")]
    [InlineData("PUT", "/api/users/{id}/role", "ChangeRole", "User")]
    [InlineData("DELETE", "/api/api-keys/{id}", "Delete", "ApiKey")]
    [InlineData("POST", "/sandbox/_reset", "Reset", "Sandbox")]
    public void Describe_Route_NamesActionAndResource(string method, string pattern, string action, string resource)
    {
        var described = AuditRoute.Describe(method, pattern);

        Assert.Equal((action, resource), (described?.Action.ToString(), described?.Resource.ToString()));
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient owner) =>
        JsonDocument.Parse(await owner.GetStringAsync("/api/audit?limit=50")).RootElement.EnumerateArray().ToList();
}
