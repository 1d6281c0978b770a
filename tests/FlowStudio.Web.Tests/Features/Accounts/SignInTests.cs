using System.Net;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Accounts;

/// <summary>Signing in: lockout after repeated failures, invitations, and the owner set up at first run or from settings.</summary>
[Collection(AppCollection.Name)]
public sealed class SignInTests(FlowStudioApp app)
{
    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheUserOutEvenWithTheRightOne()
    {
        var (_, email) = await Support.Accounts.InviteAsync(app, "editor");
        using var session = BrowserSession.Open(app);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await session.SubmitAsync("/account/sign-in", "form", new() { ["Input.Email"] = email, ["Input.Password"] = $"Wrong-Password-{attempt}" });
        }

        var response = await session.SubmitAsync("/account/sign-in", "form", new() { ["Input.Email"] = email, ["Input.Password"] = Support.Accounts.Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("locked for 15 minutes", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await session.Client.GetAsync("/sources")).StatusCode);
        using var owner = app.CreateClient();
        Assert.Contains("\"status\":\"lockedOut\"", await owner.GetStringAsync("/api/users"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Invitation_LinkUsedOnce_SignsInAndThenIsDead()
    {
        using var owner = app.CreateClient();
        var email = $"invited-{Guid.NewGuid():N}@flowstudio.test";
        var invited = await owner.PostJsonAsync("/api/users", new { email, role = "viewer" }, 201);
        var link = new Uri(invited.GetProperty("setPasswordUrl").GetString()!).PathAndQuery;
        Assert.Equal("invited", invited.GetProperty("status").GetString());
        using var session = BrowserSession.Open(app);

        var weak = await session.SubmitAsync(link, "form", new() { ["Input.Password"] = "short" });
        var set = await session.SubmitAsync(link, "form", new() { ["Input.Password"] = "Invited-Password-1" });
        var home = await session.Client.GetAsync("/");
        using var again = BrowserSession.Open(app);
        var reused = await again.SubmitAsync(link, "form", new() { ["Input.Password"] = "Another-Password-2" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Contains("expired or was already used", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FirstRun_NoUserYet_EveryPageLeadsToTheOwnerFormWhichCreatesTheOwner()
    {
        await using var fresh = new FlowStudioApp(new Dictionary<string, string?>
        {
            ["Auth:Bootstrap:Email"] = "",
            ["Auth:Bootstrap:Password"] = "",
            ["Auth:Bootstrap:ApiKey"] = "",
        });
        using var session = BrowserSession.Open(fresh);

        var home = await session.Client.GetAsync("/");
        var signIn = await session.Client.GetAsync("/account/sign-in");
        var api = await session.Client.GetAsync("/api/sources");
        var created = await session.SubmitAsync("/account/setup", "form", new() { ["Input.Email"] = "first@flowstudio.test", ["Input.Password"] = "First-Owner-Password-1" });
        var signedIn = await session.Client.GetAsync("/users");
        var setupAgain = await session.Client.GetAsync("/account/setup");

        Assert.Equal("/account/setup", PathOf(home));
        Assert.Equal("/account/setup", PathOf(signIn));
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.Contains("first@flowstudio.test", await signedIn.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("/account/sign-in", PathOf(setupAgain));
    }

    [Theory]
    [InlineData("Auth:Bootstrap:Password", "short")]
    [InlineData("Auth:Bootstrap:ApiKey", "too-short-key")]
    [InlineData("Auth:Bootstrap:Email", "")]
    public void Start_InvalidBootstrapSetting_FailsNamingTheSetting(string setting, string value)
    {
        var error = Assert.ThrowsAny<Exception>(() => new FlowStudioApp(new Dictionary<string, string?> { [setting] = value }));

        Assert.Contains(setting, error.ToString(), StringComparison.Ordinal);
    }

    private static string? PathOf(HttpResponseMessage response) =>
        response.Headers.Location is { } location ? location.IsAbsoluteUri ? location.PathAndQuery : location.OriginalString : null;
}
