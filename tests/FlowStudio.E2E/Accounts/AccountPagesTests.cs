using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E.Accounts;

/// <summary>Signing in, inviting a user who sets their password, and personal API keys, through the pages.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AccountPagesTests(BrowserApp app)
{
    [Fact]
    public async Task SignIn_FromAPage_ComesBackToItSignedInAsOwner()
    {
        var page = await app.NewPageAsync(signedIn: false);

        await page.GotoAsync("/sources");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Fsources$"));
        await Screenshots.SaveAsync(page, "sign-in");
        await page.GetByLabel("Email").FillAsync(FlowStudioServer.OwnerEmail);
        await page.GetByLabel("Password").FillAsync(FlowStudioServer.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/sources$"));
        var account = page.GetByRole(AriaRole.Navigation, new() { Name = "Account" });
        await Expect(account.GetByTestId("signed-in-user")).ToContainTextAsync(FlowStudioServer.OwnerEmail);
        await Expect(account.GetByTestId("signed-in-role")).ToHaveTextAsync("Owner");
        await Expect(account.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Users", "API keys", "Audit"]);
        await account.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    [Fact]
    public async Task Invite_ViewerSetsPasswordOnTheLink_SignsInAndCannotBuild()
    {
        var owner = await app.NewPageAsync();
        var email = $"viewer-{Guid.NewGuid():N}@flowstudio.test";
        await owner.GotoAsync("/users");
        await owner.GetByLabel("Email").FillAsync(email);
        await owner.GetByLabel("Role", new() { Exact = true }).SelectOptionAsync("Viewer");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Invite" }).ClickAsync();
        var link = await owner.GetByLabel("Invitation link").InputValueAsync();
        await Expect(owner.GetByTestId("users-table")).ToContainTextAsync(email);
        await Screenshots.SaveAsync(owner, "users");

        var invitee = await app.NewPageAsync(signedIn: false);
        await invitee.GotoAsync(link);
        await Expect(invitee.GetByText(email)).ToBeVisibleAsync();
        await invitee.GetByLabel("Password").FillAsync("Viewer-Password-1");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();

        await Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flows");
        await Expect(invitee.GetByTestId("signed-in-role")).ToHaveTextAsync("Viewer");
        await Expect(invitee.GetByRole(AriaRole.Link, new() { Name = "New Data Flow" })).ToHaveCountAsync(0);
        await Expect(invitee.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["API keys"]);
        await invitee.GotoAsync("/credentials");
        await Expect(invitee.GetByRole(AriaRole.Button, new() { Name = "New Credential" })).ToHaveCountAsync(0);
        await Expect(invitee.GetByTestId("credentials-table")).ToContainTextAsync("Clari Sandbox");
    }

    [Fact]
    public async Task ApiKey_CreatedOnThePage_WorksUntilRevoked()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/api-keys");
        await page.GetByLabel("Name").FillAsync("Browser-made key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = await page.GetByLabel("New API key").InputValueAsync();
        await Expect(page.GetByTestId("api-keys-table")).ToContainTextAsync(key[..10] + "…");
        await Screenshots.SaveAsync(page, "api-keys");
        using var client = new HttpClient { BaseAddress = app.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sources")).StatusCode);

        await page.GotoAsync("/api-keys");
        await Expect(page.GetByLabel("New API key")).ToHaveCountAsync(0);
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Browser-made key" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Revoked the key");

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sources")).StatusCode);
        await page.OpenAsync("/audit");
        await Expect(page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("ApiKey");
    }
}
