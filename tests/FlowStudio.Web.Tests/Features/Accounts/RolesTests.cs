using System.Net;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Accounts;

/// <summary>Viewers read, editors build and run, owners also manage users and credentials; an API key acts with its user's role.</summary>
[Collection(AppCollection.Name)]
public sealed class RolesTests(FlowStudioApp app)
{
    [Fact]
    public async Task Viewer_EveryRouteThatChangesSomething_IsRefused()
    {
        using var viewer = await Support.Accounts.KeyClientAsync(app, "viewer");
        var refused = new List<string>();
        var failures = new List<string>();

        foreach (var (method, pattern, isPage) in ChangingRoutes())
        {
            var url = System.Text.RegularExpressions.Regex.Replace(pattern, "\\{[^}]+\\}", "missing_1");
            // The API and the sandbox controls take JSON; page actions take forms (a JSON body would not even reach their route).
            using var request = new HttpRequestMessage(new HttpMethod(method), url)
            {
                Content = url.StartsWith("/api/", StringComparison.Ordinal) || url.StartsWith("/sandbox/", StringComparison.Ordinal) ? new StringContent("{}", Encoding.UTF8, "application/json") : new FormUrlEncodedContent([]),
            };
            var status = (int)(await viewer.SendAsync(request)).StatusCode;
            refused.Add($"{method} {pattern}");
            // API and action routes refuse the role itself; a page that has nothing to post refuses the missing antiforgery token.
            if (isPage ? status is < 400 or >= 500 : status != 403)
            {
                failures.Add($"{method} {pattern} answered {status}");
            }
        }

        Assert.Empty(failures);
        Assert.Contains("POST /api/sources/{id}/run", refused);
        Assert.Contains("DELETE /api/credentials/{id}", refused);
        Assert.Contains("POST /sandbox/_reset", refused);
        Assert.Contains("PUT /api/credentials/{id}", refused);
    }

    [Theory]
    [InlineData("/api/sources")]
    [InlineData("/api/destinations")]
    [InlineData("/api/credentials")]
    [InlineData("/api/runs")]
    [InlineData("/api/lookups")]
    [InlineData("/api/api-keys")]
    public async Task Viewer_Reads_Succeed(string path)
    {
        using var viewer = await Support.Accounts.KeyClientAsync(app, "viewer");

        Assert.Equal(HttpStatusCode.OK, (await viewer.GetAsync(path)).StatusCode);
    }

    [Fact]
    public async Task Viewer_SourcePage_HidesTheActionsThatChangeIt()
    {
        using var owner = app.CreateClient();
        var source = await owner.PostJsonAsync("/api/sources", new { name = "Watched", credentialId = await owner.CredentialIdAsync("ClientSuccess Sandbox"), templateId = "clientsuccess.search-contracts" }, 201);
        var (_, email) = await Support.Accounts.InviteAsync(app, "viewer");
        using var session = await BrowserSession.SignInAsync(app, email, Support.Accounts.Password);

        var page = await session.PageAsync($"/sources/{source.GetProperty("id").GetString()}");

        // The source page's menu (only Runs for a viewer) is checked by SourceDetailPageTests; its shell is the interactive one.
        Assert.Equal("Viewer", page.QuerySelector("[data-testid=signed-in-role]")!.TextContent.Trim());
        Assert.Equal(["API keys"], page.QuerySelectorAll("nav[aria-label='Account'] a").Select(l => l.TextContent.Trim()));
        foreach (var ownersOrEditorsPage in (string[])["/flows/new", "/users", "/audit"])
        {
            Assert.EndsWith("/account/access-denied", (await session.Client.GetAsync(ownersOrEditorsPage)).Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Editor_BuildsButCannotManageCredentialsUsersOrTheAuditLog()
    {
        using var editor = await Support.Accounts.KeyClientAsync(app, "editor");
        using var owner = app.CreateClient();
        var credentialId = await owner.CredentialIdAsync("Clari Sandbox");

        await editor.PostJsonAsync("/api/lookups", new { name = "editor_rows_" + Guid.NewGuid().ToString("N")[..6], rows = new[] { new { id = "1" } } }, 201);
        await editor.PostJsonAsync("/api/credentials", new { connector = "clari", name = "Editor's", fields = new { apiKey = "k", partnerKey = "p" } }, 403);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.DeleteAsync($"/api/credentials/{credentialId}")).StatusCode);
        await editor.PostJsonAsync($"/api/credentials/{credentialId}/test", new { }, 403);
        await editor.PostJsonAsync("/api/users", new { email = "friend@flowstudio.test", role = "owner" }, 403);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/users")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/api/credentials")).StatusCode);
    }

    [Fact]
    public async Task ChangeRole_ViewerMadeEditor_TheirKeyActsWithTheNewRoleAtOnce()
    {
        using var owner = app.CreateClient();
        var (id, email) = await Support.Accounts.InviteAsync(app, "viewer");
        using var session = await BrowserSession.SignInAsync(app, email, Support.Accounts.Password);
        using var keyRequest = new HttpRequestMessage(HttpMethod.Post, "/api/api-keys") { Content = System.Net.Http.Json.JsonContent.Create(new { name = "promoted" }) };
        keyRequest.Headers.Add("X-FlowStudio-Request", "1");
        var key = JsonDocument.Parse(await (await session.Client.SendAsync(keyRequest)).Content.ReadAsStringAsync()).RootElement.GetProperty("key").GetString();
        using var member = app.CreateClient();
        member.DefaultRequestHeaders.Authorization = new("Bearer", key);
        var lookup = new { name = "promoted_" + Guid.NewGuid().ToString("N")[..6], rows = new[] { new { id = "1" } } };

        await member.PostJsonAsync("/api/lookups", lookup, 403);
        using var put = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{id}/role") { Content = System.Net.Http.Json.JsonContent.Create(new { role = "editor" }) };
        var changed = await owner.SendAsync(put);

        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.Equal("editor", JsonDocument.Parse(await changed.Content.ReadAsStringAsync()).RootElement.GetProperty("role").GetString());
        await member.PostJsonAsync("/api/lookups", lookup, 201);
    }

    [Fact]
    public async Task Users_LastOwner_CannotBeRemovedOrDemoted()
    {
        using var owner = app.CreateClient();
        var users = JsonDocument.Parse(await owner.GetStringAsync("/api/users")).RootElement;
        var ownerId = users.EnumerateArray().Single(u => u.GetProperty("email").GetString() == TestAccounts.OwnerEmail).GetProperty("id").GetString();
        using var demote = new HttpRequestMessage(HttpMethod.Put, $"/api/users/{ownerId}/role") { Content = System.Net.Http.Json.JsonContent.Create(new { role = "viewer" }) };

        Assert.Equal(HttpStatusCode.Conflict, (await owner.DeleteAsync($"/api/users/{ownerId}")).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await owner.SendAsync(demote)).StatusCode);
    }

    [Fact]
    public async Task Users_RemovedUser_TheirKeyStopsWorking()
    {
        using var owner = app.CreateClient();
        using var member = await Support.Accounts.KeyClientAsync(app, "editor");
        var id = JsonDocument.Parse(await owner.GetStringAsync("/api/users")).RootElement.EnumerateArray()
            .Last().GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await member.GetAsync("/api/sources")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/users/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await member.GetAsync("/api/sources")).StatusCode);
    }

    [Theory]
    [InlineData("not-an-email", "viewer", "email")]
    [InlineData("someone@flowstudio.test", "boss", "role")]
    [InlineData(TestAccounts.OwnerEmail, "viewer", "email")]
    public async Task Invite_BadInput_ProblemNamesTheField(string email, string role, string field)
    {
        using var owner = app.CreateClient();

        var response = await owner.PostAsync("/api/users", System.Net.Http.Json.JsonContent.Create(new { email, role }));
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.True((int)response.StatusCode is 400 or 409, problem.ToString());
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    /// <summary>Every route that takes a method other than GET, except those open to anyone (their own checks) and personal ones.</summary>
    private IEnumerable<(string Method, string Pattern, bool IsPage)> ChangingRoutes()
    {
        var personal = new[] { "/api/api-keys", "/account/" };
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + endpoint.RoutePattern.RawText!.TrimStart('/');
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null || personal.Any(p => pattern.StartsWith(p, StringComparison.Ordinal)))
            {
                continue;
            }

            var isPage = endpoint.Metadata.GetMetadata<ComponentTypeMetadata>() is not null;
            foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? [])
            {
                if (method is not ("GET" or "HEAD"))
                {
                    yield return (method, pattern, isPage);
                }
            }
        }
    }
}
