using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E;

/// <summary>
/// The shell every page shares: navigation, current page, skip link, the menu toggle on phones, sign out, no horizontal
/// scroll. Pages of other screens are visited for their shell only.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserApp app)
{
    private static readonly string[] MainSections = ["Flows", "Sources", "Destinations", "Syncs", "Credentials", "Lookups", "Runs"];

    [Fact]
    public async Task Home_FirstVisit_ShowsTheShellWithFlowsCurrent()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveTitleAsync("Flows · FlowStudio");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flows");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(MainSections);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Flows" })).ToHaveAttributeAsync("aria-current", "page");
        // As in Nexla: the Integrate section holds the flows, and New Data Flow is on its first page.
        await Expect(nav.GetByRole(AriaRole.Group, new() { Name = "Integrate" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(MainSections[..6]);
        await Expect(nav.GetByRole(AriaRole.Group, new() { Name = "Monitor" }).GetByRole(AriaRole.Link)).ToHaveTextAsync(["Runs"]);
        await Expect(page.GetByText("No data flows yet")).ToBeVisibleAsync();
        var newFlow = page.Locator(".empty-notice").GetByRole(AriaRole.Link, new() { Name = "New Data Flow" });
        await Expect(newFlow).ToHaveAttributeAsync("href", "/flows/new");
        await Screenshots.SaveAsync(page, "home");
    }

    [Fact]
    public async Task InteractivePage_Loads_MudBlazorWithoutErrorsTablerOrHtmx()
    {
        var page = await app.NewPageAsync();
        var problems = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                problems.Add(message.Text);
            }
        };
        page.PageError += (_, error) => problems.Add(error);

        await page.OpenAsync("/api-keys");

        Assert.Equal("undefined", await page.EvaluateAsync<string>("typeof window.htmx"));
        await Expect(page.Locator("link[href^='/dist/app.css']")).ToHaveCountAsync(0);
        // With MudBlazor's stylesheet applied, the drawer is a column beside the content on wide screens.
        var drawer = await page.Locator("#main-menu").BoundingBoxAsync();
        var content = await page.Locator("main").BoundingBoxAsync();
        Assert.InRange(drawer!.Width, 200, 320);
        Assert.True(content!.X >= drawer.X + drawer.Width, $"main starts at x={content.X}, inside the {drawer.Width}px drawer");
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("/audit", "Credentials", "/credentials")]
    [InlineData("/audit", "Flows", "/")]
    [InlineData("/audit", "Sources", "/sources")]
    [InlineData("/audit", "Destinations", "/destinations")]
    [InlineData("/audit", "Runs", "/runs")]
    [InlineData("/audit", "Lookups", "/lookups")]
    public async Task MainNavigation_ClickItem_ChangesUrlAndHeading(string start, string item, string path)
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync(start);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.Server.BaseAddress.ToString().TrimEnd('/') + path) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(item);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Theory]
    [InlineData("Users", "/users", "Users")]
    [InlineData("API keys", "/api-keys", "API keys")]
    [InlineData("Audit", "/audit", "Audit log")]
    public async Task AccountNavigation_ClickItem_MovesTheCurrentMark(string item, string path, string heading)
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/not-found");
        var account = page.GetByRole(AriaRole.Navigation, new() { Name = "Account" });

        await account.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(path) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(heading);
        await Expect(account.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.Locator("[aria-current='page']")).ToHaveCountAsync(1);
    }

    [Fact]
    public async Task Menu_PhoneWidth_IsAToggleThatOpensAndClosesOnNavigation()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.OpenAsync("/api-keys");
        var toggle = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });
        var users = page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Link, new() { Name = "Users" });
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(users).Not.ToBeInViewportAsync();

        await toggle.ClickAsync();

        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "true");
        await Expect(users).ToBeInViewportAsync();
        await users.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Users");
        await Expect(toggle).ToHaveAttributeAsync("aria-expanded", "false");
        await Expect(users).Not.ToBeInViewportAsync();
    }

    [Fact]
    public async Task Menu_PhoneWidth_LeadsToAPageNotYetMoved()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.OpenAsync("/audit");

        await page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Credentials" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Credentials");
    }

    [Theory]
    [InlineData("/", 390)]
    [InlineData("/", 1280)]
    [InlineData("/credentials", 390)]
    [InlineData("/users", 390)]
    [InlineData("/users", 1280)]
    [InlineData("/api-keys", 390)]
    [InlineData("/audit", 390)]
    [InlineData("/no-such-page", 390)]
    [InlineData("/account/access-denied", 390)]
    public async Task Page_PhoneAndDesktopWidths_NoHorizontalScroll(string path, int width)
    {
        var page = await app.NewPageAsync(width: width);

        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal(0, await OverflowAsync(page));
    }

    [Fact]
    public async Task SignInPage_PhoneWidth_NoHorizontalScroll()
    {
        var page = await app.NewPageAsync(width: 390, height: 844, signedIn: false);

        await page.GotoAsync("/account/sign-in");

        Assert.Equal(0, await OverflowAsync(page));
    }

    [Fact]
    public async Task Users_PhoneWidth_TheInvitationLinkFitsWithoutScroll()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        await page.OpenAsync("/users");

        await page.GetByLabel("Email").FillAsync($"a-rather-long-address-{Guid.NewGuid():N}@flowstudio.test");
        await page.GetByRole(AriaRole.Button, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(page.GetByLabel("Invitation link", new() { Exact = true })).ToBeVisibleAsync();

        Assert.Equal(0, await OverflowAsync(page));
    }

    [Fact]
    public async Task SkipLink_FirstTab_IsVisibleAndMovesFocusToMain()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/api-keys");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/api-keys#main-content$"));
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Name")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task Keyboard_FromTheTop_ReachesMenuBrandAndNavigationBeforeThePage()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/api-keys");

        var order = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            order.Add(await page.EvaluateAsync<string>("(document.activeElement.getAttribute('aria-label') || document.activeElement.textContent).trim()"));
        }

        Assert.Equal(["Skip to main content", "Show or hide the menu", "FlowStudio", "Flows", "Sources"], order);
    }

    [Fact]
    public async Task SignOut_FromTheInteractiveShell_EndsTheSession()
    {
        var page = await app.NewPageAsync();
        await page.OpenAsync("/audit");

        await page.GetByRole(AriaRole.Navigation, new() { Name = "Account" }).GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in$"));
        await page.GotoAsync("/audit");
        await Expect(page).ToHaveURLAsync(new Regex("/account/sign-in\\?ReturnUrl=%2Faudit$"));
    }

    [Fact]
    public async Task UnknownAddress_ShowsNotFoundPageInTheShell()
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync("/flows/does-not-exist");

        Assert.Equal(404, response!.Status);
        await page.WaitUntilInteractiveAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to Flows" })).ToHaveAttributeAsync("href", "/");
    }

    private static Task<int> OverflowAsync(IPage page) =>
        page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
}
