using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E;

[Collection(BrowserCollection.Name)]
public sealed class ShellTests(BrowserApp app)
{

    [Fact]
    public async Task Home_FirstVisit_ShowsShellAndNewDataFlowEmptyState()
    {
        var page = await app.NewPageAsync();

        await page.GotoAsync("/");

        await Expect(page).ToHaveTitleAsync("Flows · FlowStudio");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Flows");
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });
        await Expect(nav.GetByRole(AriaRole.Link)).ToHaveTextAsync(["Flows", "Sources", "Destinations", "Credentials", "Lookups", "Runs"]);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = "Flows" })).ToHaveAttributeAsync("aria-current", "page");
        await Expect(page.GetByText("No data flows yet")).ToBeVisibleAsync();
        var newFlow = page.Locator(".empty-notice").GetByRole(AriaRole.Link, new() { Name = "New Data Flow" });
        await Expect(newFlow).ToHaveAttributeAsync("href", "/flows/new");
        await Screenshots.SaveAsync(page, "home");
    }

    [Fact]
    public async Task Home_Loads_StylesAndScriptsWithoutErrors()
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

        // A page still on the old layout (the Flows page is interactive now).
        await page.GotoAsync("/sources", new() { WaitUntil = WaitUntilState.NetworkIdle });

        Assert.Equal("object", await page.EvaluateAsync<string>("typeof window.htmx"));
        Assert.False(string.IsNullOrEmpty(await page.Locator("meta[name='antiforgery-token']").GetAttributeAsync("content")));
        // With the stylesheet applied, the sidebar is a fixed column beside the content on wide screens.
        var sidebar = await page.Locator("aside.navbar-vertical").BoundingBoxAsync();
        var content = await page.Locator("main").BoundingBoxAsync();
        Assert.InRange(sidebar!.Width, 200, 320);
        Assert.True(content!.X >= sidebar.X + sidebar.Width, $"main starts at x={content.X}, inside the {sidebar.Width}px sidebar");
        Assert.Empty(problems);
    }

    [Theory]
    [InlineData("/", "Credentials", "/credentials")]
    [InlineData("/credentials", "Flows", "/")]
    [InlineData("/", "Sources", "/sources")]
    [InlineData("/", "Destinations", "/destinations")]
    [InlineData("/", "Runs", "/runs")]
    [InlineData("/", "Lookups", "/lookups")]
    public async Task MainNavigation_ClickItem_ChangesUrlAndHeading(string start, string item, string path)
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync(start);
        var nav = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" });

        await nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new Regex("^" + Regex.Escape(app.Server.BaseAddress.ToString().TrimEnd('/') + path) + "$"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(item);
        await Expect(nav.GetByRole(AriaRole.Link, new() { Name = item, Exact = true })).ToHaveAttributeAsync("aria-current", "page");
    }

    [Fact]
    public async Task MainNavigation_PhoneWidth_TogglerOpensTheMenu()
    {
        var page = await app.NewPageAsync(width: 390, height: 844);
        // A page still on the old layout (Bootstrap's collapse); the Flows page is interactive now.
        await page.GotoAsync("/sources");
        var credentials = page.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Credentials" });
        await Expect(credentials).ToBeHiddenAsync();

        var toggler = page.GetByRole(AriaRole.Button, new() { Name = "Show or hide the menu" });
        await toggler.ClickAsync();

        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        // Wait for Bootstrap's collapse animation to end: a click while it runs can land before the links settle.
        await Expect(page.Locator("#main-menu.collapse.show")).ToBeVisibleAsync();
        await Expect(page.Locator("#main-menu.collapsing")).ToHaveCountAsync(0);
        await credentials.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Credentials");
    }

    [Theory]
    [InlineData("/", 390)]
    [InlineData("/", 1280)]
    [InlineData("/credentials", 390)]
    [InlineData("/credentials", 1280)]
    [InlineData("/no-such-page", 390)]
    public async Task Page_PhoneAndDesktopWidths_NoHorizontalScroll(string path, int width)
    {
        var page = await app.NewPageAsync(width: width);

        await page.GotoAsync(path);

        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.Equal(0, overflow);
    }

    [Fact]
    public async Task SkipLink_FirstTab_IsVisibleAndMovesFocusToMain()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/credentials");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to main content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("main#main-content")).ToBeFocusedAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/credentials#main-content$"));
    }

    [Fact]
    public async Task UnknownAddress_ShowsNotFoundPageInTheLayout()
    {
        var page = await app.NewPageAsync();

        var response = await page.GotoAsync("/flows/does-not-exist");

        Assert.Equal(404, response!.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to Flows" })).ToHaveAttributeAsync("href", "/");
    }
}
