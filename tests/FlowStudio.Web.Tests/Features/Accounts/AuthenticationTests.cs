using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Accounts;

/// <summary>Who gets in: anonymous callers, API keys (and revoked ones), signed-in browsers, the sandbox's controls.</summary>
[Collection(AppCollection.Name)]
public sealed class AuthenticationTests(FlowStudioApp app)
{
    [Theory]
    [InlineData("/api/sources")]
    [InlineData("/api/credentials")]
    [InlineData("/api/users")]
    [InlineData("/openapi/v1.json")]
    public async Task Api_Anonymous_Returns401Problem(string path)
    {
        using var session = BrowserSession.Open(app);

        var response = await session.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Authorization: Bearer", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/sources")]
    [InlineData("/credentials")]
    [InlineData("/users")]
    [InlineData("/no-such-page")]
    public async Task Page_Anonymous_RedirectsToSignIn(string path)
    {
        using var session = BrowserSession.Open(app);

        var response = await session.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/account/sign-in?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Theory]
    [InlineData("/api/health")]
    [InlineData("/account/sign-in")]
    [InlineData("/favicon.svg")]
    public async Task OpenPaths_Anonymous_Answer(string path)
    {
        using var session = BrowserSession.Open(app);

        var response = await session.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task SignInPage_Anonymous_AsksForEmailAndPassword()
    {
        using var session = BrowserSession.Open(app);

        var page = await session.PageAsync("/account/sign-in");

        Assert.Equal(["Email", "Password"], page.QuerySelectorAll("form label").Select(l => l.TextContent.Trim()));
        Assert.Equal("Sign in", page.QuerySelector("form button[type=submit]")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form input[name=__RequestVerificationToken]"));
        Assert.Null(page.QuerySelector("nav[aria-label=Main]"));
    }

    [Fact]
    public async Task SignIn_RightPassword_OpensThePagesAndShowsTheUserAndRole()
    {
        using var session = await BrowserSession.SignInAsync(app, TestAccounts.OwnerEmail, TestAccounts.OwnerPassword);

        var page = await session.PageAsync("/sources");

        Assert.Contains(TestAccounts.OwnerEmail, page.QuerySelector("[data-testid=signed-in-user]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Owner", page.QuerySelector("[data-testid=signed-in-role]")!.TextContent.Trim());
        // The Sources page is on the interactive shell (AppNav): account pages are links, Sign out a form button.
        Assert.Equal(["Users", "API keys", "Audit"], page.QuerySelectorAll("nav[aria-label='Account'] a").Select(l => l.TextContent.Trim()));
        Assert.Contains(page.QuerySelectorAll("form button[type=submit]"), b => b.TextContent.Trim() == "Sign out");
    }

    [Fact]
    public async Task SignIn_WrongPassword_StaysSignedOut()
    {
        using var session = BrowserSession.Open(app);

        var response = await session.SubmitAsync("/account/sign-in", "form", new() { ["Input.Email"] = TestAccounts.OwnerEmail, ["Input.Password"] = "Not-The-Password-1" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The email or password is not right.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/sources")).StatusCode);
    }

    [Fact]
    public async Task SignOut_SignedIn_PagesRedirectAgain()
    {
        using var session = await BrowserSession.SignInAsync(app, TestAccounts.OwnerEmail, TestAccounts.OwnerPassword);

        var response = await session.SubmitAsync("/sources", "form[action='/account/sign-out']", []);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/sources")).StatusCode);
    }

    [Fact]
    public async Task CookiePost_WithoutTheRequestHeader_IsRefusedWhileTheHeaderOrAKeyWorks()
    {
        using var session = await BrowserSession.SignInAsync(app, TestAccounts.OwnerEmail, TestAccounts.OwnerPassword);
        using var owner = app.CreateClient();
        var source = await owner.PostJsonAsync("/api/sources", new { name = "Cross-site target", connector = "webhook" }, 201);
        var pause = $"/api/sources/{source.GetProperty("id").GetString()}/pause";

        // What a cross-site form post looks like: the cookie goes along, no custom header can.
        var forged = await session.Client.PostAsync(pause, new FormUrlEncodedContent([]));
        using var withHeader = new HttpRequestMessage(HttpMethod.Post, pause);
        withHeader.Headers.Add("X-FlowStudio-Request", "1");
        var allowed = await session.Client.SendAsync(withHeader);
        var read = await session.Client.GetAsync("/api/sources");

        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("X-FlowStudio-Request", await forged.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync(pause, null)).StatusCode);
    }

    [Fact]
    public async Task ApiKey_CreatedThenRevoked_WorksThenGets401()
    {
        using var owner = app.CreateClient();
        var created = await owner.PostJsonAsync("/api/api-keys", new { name = "Short-lived" }, 201);
        using var keyed = app.CreateClient();
        keyed.DefaultRequestHeaders.Authorization = new("Bearer", created.GetProperty("key").GetString());

        var before = await keyed.GetAsync("/api/sources");
        var listed = JsonDocument.Parse(await owner.GetStringAsync("/api/api-keys")).RootElement.EnumerateArray()
            .Single(k => k.GetProperty("id").GetString() == created.GetProperty("id").GetString());
        Assert.Equal(HttpStatusCode.NoContent, (await owner.DeleteAsync($"/api/api-keys/{created.GetProperty("id").GetString()}")).StatusCode);
        var after = await keyed.GetAsync("/api/sources");

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.StartsWith(listed.GetProperty("prefix").GetString()!, created.GetProperty("key").GetString(), StringComparison.Ordinal);
        Assert.False(listed.TryGetProperty("key", out _));
        Assert.NotEqual(JsonValueKind.Null, listed.GetProperty("lastUsedAt").ValueKind);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.Equal("application/problem+json", after.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task ApiKey_NameMissing_Returns400NamingTheField()
    {
        using var owner = app.CreateClient();

        var problem = await owner.PostJsonAsync("/api/api-keys", new { name = " " }, 400);

        Assert.True(problem.GetProperty("errors").TryGetProperty("name", out _));
    }

    [Fact]
    public async Task ApiKey_Stored_OnlyAsItsHash()
    {
        using var owner = app.CreateClient();
        var key = (await owner.PostJsonAsync("/api/api-keys", new { name = "Hashed" }, 201)).GetProperty("key").GetString()!;

        var stored = await app.StoredTextAsync();

        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))), stored, StringComparison.Ordinal);
        Assert.DoesNotContain(key, stored, StringComparison.Ordinal);
        Assert.DoesNotContain(TestAccounts.OwnerApiKey, stored, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SandboxControls_Mounted_NeedAnEditorWhileVendorPathsKeepTheirOwnAuth()
    {
        using var anonymous = BrowserSession.Open(app);
        using var viewer = await Support.Accounts.KeyClientAsync(app, "viewer");
        using var owner = app.CreateClient();

        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.PostAsync("/sandbox/_reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.PostAsJsonAsync("/sandbox/_faults", new { latencyMs = 1 })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Client.GetAsync("/sandbox/_state")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await viewer.PostAsync("/sandbox/_reset", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await owner.PostAsync("/sandbox/_reset", null)).StatusCode);
        using var vendorCall = new HttpRequestMessage(HttpMethod.Get, "/sandbox/clientsuccess/v2/client/search?page=0&size=1");
        vendorCall.Headers.TryAddWithoutValidation("Authorization", "cs-sandbox-key");
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Client.SendAsync(vendorCall)).StatusCode);
    }
}
