using Microsoft.Playwright;

namespace FlowStudio.E2E.Sources;

/// <summary>How a user works the source screens' MudBlazor controls in the browser.</summary>
internal static class SourceScreens
{
    /// <summary>Opens the MudSelect named <paramref name="label"/> and picks <paramref name="option"/>.</summary>
    public static async Task ChooseAsync(this IPage page, string label, string option)
    {
        await page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).WaitForAsync(new() { State = WaitForSelectorState.Hidden });
    }

    /// <summary>The MudSelect named <paramref name="label"/> (it shows the chosen option's text).</summary>
    public static ILocator Select(this IPage page, string label) => page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true });

    /// <summary>The Endpoint Test Result panel.</summary>
    public static ILocator TestResult(this IPage page) => page.GetByRole(AriaRole.Region, new() { Name = "Endpoint Test Result" });

    /// <summary>The source editor's Test button (the Template tab's, or the Advanced tab's beside Set API URL).</summary>
    public static ILocator TestButton(this IPage page) => page.GetByRole(AriaRole.Button, new() { Name = "Test", Exact = true });

    /// <summary>The outcome messages (MudBlazor's snackbar).</summary>
    public static ILocator Snackbar(this IPage page) => page.Locator("#mud-snackbar-container");

    /// <summary>Closes the outcome messages still shown, so a screenshot shows the page itself.</summary>
    public static async Task DismissSnackbarsAsync(this IPage page)
    {
        await page.Snackbar().Locator("button").EvaluateAllAsync<int>("buttons => { buttons.forEach(b => b.click()); return buttons.length; }");
        await Microsoft.Playwright.Assertions.Expect(page.Snackbar().Locator(".mud-snackbar")).ToHaveCountAsync(0);
    }
}
