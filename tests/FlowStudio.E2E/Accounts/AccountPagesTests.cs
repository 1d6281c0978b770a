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

        await page.GotoAsync("/api-keys");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Fapi-keys$"));
        await Screenshots.SaveAsync(page, "sign-in");
        await page.GetByLabel("Email").FillAsync(FlowStudioServer.OwnerEmail);
        await page.GetByLabel("Password").FillAsync(FlowStudioServer.OwnerPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/api-keys$"));
        await page.WaitUntilInteractiveAsync();
        var account = page.GetByRole(AriaRole.Navigation, new() { Name = "Account" });
        await Expect(account.GetByTestId("signed-in-user")).ToContainTextAsync(FlowStudioServer.OwnerEmail);
        await Expect(account.GetByTestId("signed-in-role")).ToHaveTextAsync("Owner");
        await Expect(account.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Users", "API keys", "Audit"]);
        await account.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in"));
    }

    [Fact]
    public async Task SignIn_WrongPassword_SaysSoAndKeepsTheEmail()
    {
        var page = await app.NewPageAsync(signedIn: false);
        await page.GotoAsync("/account/sign-in");

        await page.GetByLabel("Email").FillAsync("nobody@flowstudio.test");
        await page.GetByLabel("Password").FillAsync("Wrong-Password-1");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The email or password is not right.");
        await Expect(page.GetByLabel("Email")).ToHaveValueAsync("nobody@flowstudio.test");
    }

    [Fact]
    public async Task Invite_ViewerSetsPasswordOnTheLink_SignsInAndCannotManageUsers()
    {
        var owner = await app.NewPageAsync();
        var email = $"viewer-{Guid.NewGuid():N}@flowstudio.test";
        await owner.OpenAsync("/users");
        await owner.GetByLabel("Email").FillAsync(email);
        await owner.GetByLabel("Role", new() { Exact = true }).ClickAsync();
        await owner.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Viewer" }).ClickAsync();
        await owner.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        var link = await owner.GetByLabel("Invitation link", new() { Exact = true }).InputValueAsync();
        await Expect(owner.GetByTestId("users-table")).ToContainTextAsync(email);
        await Expect(owner.Locator(".mud-snackbar", new() { HasText = $"Invited {email} as viewer" })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(owner, "users");

        var invitee = await app.NewPageAsync(signedIn: false);
        await invitee.GotoAsync(link);
        await Expect(invitee.GetByText(email)).ToBeVisibleAsync();
        await invitee.GetByLabel("Password").FillAsync("Viewer-Password-1");
        await invitee.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();

        await Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flows");
        await Expect(invitee.GetByTestId("signed-in-role")).ToHaveTextAsync("Viewer");
        await Expect(invitee.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["API keys"]);
        await invitee.GotoAsync("/users");
        await Expect(invitee).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Expect(invitee.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Not allowed for your role");
        // A navigation inside the circuit (a link, not a page load) is refused the same way.
        await invitee.OpenAsync("/api-keys");
        await invitee.EvaluateAsync("() => Blazor.navigateTo('/users')");
        await Expect(invitee).ToHaveURLAsync(new Regex("/account/access-denied"));
        await Expect(invitee.GetByTestId("users-table")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ChangeRole_OfTheLastOwner_AsksThenSaysWhyNot()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/users");

        var role = page.GetByRole(AriaRole.Combobox, new() { Name = $"Role of {FlowStudioServer.OwnerEmail}" });
        await role.ClickAsync();
        await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "Editor" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync($"Make {FlowStudioServer.OwnerEmail} editor?");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Make editor" }).ClickAsync();

        await Expect(page.Locator(".mud-snackbar", new() { HasText = "This is the last owner" })).ToBeVisibleAsync();
        await Expect(role).ToHaveTextAsync("Owner");
    }

    [Fact]
    public async Task ApiKey_CreatedOnThePage_WorksUntilRevoked()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/api-keys");
        await page.GetByLabel("Name").FillAsync("Browser-made key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create key" }).ClickAsync();
        var key = await page.GetByLabel("New API key", new() { Exact = true }).InputValueAsync();
        await Expect(page.GetByTestId("api-keys-table")).ToContainTextAsync(key[..10] + "…");
        await Screenshots.SaveAsync(page, "api-keys");
        using var client = new HttpClient { BaseAddress = app.Server.BaseAddress };
        client.DefaultRequestHeaders.Authorization = new("Bearer", key);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/sources")).StatusCode);

        await page.OpenAsync("/api-keys");
        await Expect(page.GetByLabel("New API key", new() { Exact = true })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke Browser-made key" }).ClickAsync();
        var dialog = page.Locator(".mud-dialog");
        await Expect(dialog).ToContainTextAsync("Anything using it stops working");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Expect(page.Locator(".mud-snackbar", new() { HasText = "Revoked the key" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Revoke Browser-made key" })).ToHaveCountAsync(0);

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/sources")).StatusCode);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Audit" }).ClickAsync();
        await Expect(page.GetByTestId("audit-table").Locator("tbody tr").First).ToContainTextAsync("ApiKey");
    }
}
