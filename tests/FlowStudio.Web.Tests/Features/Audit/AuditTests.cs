using System.Net;
using System.Security.Claims;
using System.Text.Json.Nodes;
using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Lookups;
using Microsoft.AspNetCore.Components.Authorization;
using System.Text.Json;
using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Audit;

/// <summary>Who changed what: every change through the API or a screen is in the audit log with the acting user (and key).</summary>
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
    public async Task ScreenChange_SignedIn_IsLoggedWithTheUserAndWithoutAKey()
    {
        using var owner = app.CreateClient();
        var (id, email) = await Support.Accounts.InviteAsync(app, "editor");
        var calls = ScreenCalls(AccountRole.Editor, id, email);
        var name = "screen_" + Guid.NewGuid().ToString("N")[..6];

        var (lookup, _) = await calls.ChangeAsync<LookupService, (LookupView? Lookup, IReadOnlyList<FlowStudio.Engine.FieldError> Errors)>(
            AuditAction.Create, AuditResource.Lookup, r => r.Lookup?.Id,
            (lookups, token) => lookups.CreateAsync(new CreateLookupRequest(name, null, null, [new JsonObject { ["id"] = "1" }]), token),
            succeeded: r => r.Lookup is not null);

        var entry = (await EntriesAsync(owner)).First(e => e.GetProperty("actor").GetString() == email);
        Assert.Equal("create", entry.GetProperty("action").GetString());
        Assert.Equal("lookup", entry.GetProperty("resource").GetString());
        Assert.Equal(lookup!.Id, entry.GetProperty("resourceId").GetString());
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("apiKeyName").ValueKind);
    }

    [Fact]
    public async Task ScreenChange_Viewer_IsRefusedAndNothingIsLogged()
    {
        using var owner = app.CreateClient();
        var (id, email) = await Support.Accounts.InviteAsync(app, "viewer");
        var calls = ScreenCalls(AccountRole.Viewer, id, email);
        var name = "refused_" + Guid.NewGuid().ToString("N")[..6];

        await Assert.ThrowsAsync<ChangeNotAllowedException>(() => calls.ChangeAsync<LookupService>(
            AuditAction.Create, AuditResource.Lookup, null,
            (lookups, token) => lookups.CreateAsync(new CreateLookupRequest(name, null, null, [new JsonObject { ["id"] = "1" }]), token)));

        Assert.DoesNotContain(await EntriesAsync(owner), e => e.GetProperty("actor").GetString() == email);
        Assert.DoesNotContain(JsonDocument.Parse(await owner.GetStringAsync("/api/lookups")).RootElement.EnumerateArray(),
            l => l.GetProperty("name").GetString() == name);
    }

    /// <summary>What a screen's components use to change things, for a signed-in user.</summary>
    private UiCalls ScreenCalls(AccountRole role, string id, string email) =>
        new(app.Services.GetRequiredService<IServiceScopeFactory>(), new SignedIn(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, email), new Claim(ClaimTypes.Email, email), new Claim(ClaimTypes.Role, role.ToString())],
            "Test", ClaimTypes.Name, ClaimTypes.Role))));

    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
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
        var previews = new[] { "/api/destinations/sample-payloads", "/api/destinations/{id}/dry-run", "/api/transforms/preview", "/api/transforms/{id}/preview", "/api/syncs/{id}/preview", "/account/sign-out" };
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
    [InlineData("POST", "/api/sources/{id}/alerts", "Create", "AlertRule")]
    [InlineData("PUT", "/api/sources/{id}/alerts/{ruleId}", "Update", "AlertRule")]
    [InlineData("DELETE", "/api/sources/{id}/alerts/{ruleId}", "Delete", "AlertRule")]
    [InlineData("POST", "/api/sources/{id}/alerts/{ruleId}/test", "Test", "AlertRule")]
    public void Describe_Route_NamesActionAndResource(string method, string pattern, string action, string resource)
    {
        var described = AuditRoute.Describe(method, pattern);

        Assert.Equal((action, resource), (described?.Action.ToString(), described?.Resource.ToString()));
    }

    private static async Task<List<JsonElement>> EntriesAsync(HttpClient owner) =>
        JsonDocument.Parse(await owner.GetStringAsync("/api/audit?limit=50")).RootElement.EnumerateArray().ToList();
}
