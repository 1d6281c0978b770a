using Microsoft.Playwright;

namespace FlowStudio.E2E;

/// <summary>
/// Interactive (Blazor Server) pages answer clicks only once their circuit is attached; clicks before that are lost
/// silently. The shell marks itself <c>data-interactive="true"</c> when it is.
/// </summary>
public static class Interactive
{
    /// <summary>Opens <paramref name="path"/> and waits until the page is interactive.</summary>
    public static async Task OpenAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitUntilInteractiveAsync();
    }

    /// <summary>Waits until the current page's circuit is attached (after a navigation that loaded a new document).</summary>
    public static Task WaitUntilInteractiveAsync(this IPage page) =>
        page.Locator("[data-interactive='true']").First.WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 20_000 });
}
