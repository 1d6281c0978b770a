using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E;

/// <summary>
/// Walks a page by keyboard as a keyboard user would: one key at a time, each given the moment the page needs to move
/// the focus (a Blazor Server menu moves it after a round trip to the circuit), failing when the target is never reached.
/// </summary>
public static class KeyboardWalk
{
    private const string IsFocused = "el => el === document.activeElement";
    private const string FocusedElement = "() => document.activeElement?.outerHTML.slice(0, 200) ?? 'nothing'";

    /// <summary>Presses Tab until <paramref name="target"/> has the focus.</summary>
    public static async Task TabToAsync(this IPage page, ILocator target, int maxPresses = 80)
    {
        await target.WaitForAsync();
        await PressUntilFocusedAsync(page, target, "Tab", maxPresses);
    }

    /// <summary>Presses ArrowDown in an open menu until <paramref name="target"/> has the focus.</summary>
    public static Task ArrowToAsync(this IPage page, ILocator target, int maxPresses = 12) =>
        PressUntilFocusedAsync(page, target, "ArrowDown", maxPresses);

    private static async Task PressUntilFocusedAsync(IPage page, ILocator target, string key, int maxPresses)
    {
        for (var i = 0; i < maxPresses; i++)
        {
            if (await target.EvaluateAsync<bool>(IsFocused))
            {
                await Expect(target).ToBeFocusedAsync();
                return;
            }

            var before = await page.EvaluateHandleAsync("() => document.activeElement");
            await page.Keyboard.PressAsync(key);
            // The next key waits until this one has moved the focus (bounded: a key that moves nothing is still a press).
            for (var wait = 0; wait < 30 && await page.EvaluateAsync<bool>("b => b === document.activeElement", before); wait++)
            {
                await Task.Delay(100);
            }

            await before.DisposeAsync();
        }

        var focused = await page.EvaluateAsync<string>(FocusedElement);
        throw new Xunit.Sdk.XunitException($"{key} did not reach {target} in {maxPresses} presses; the focus is on {focused}.");
    }
}
