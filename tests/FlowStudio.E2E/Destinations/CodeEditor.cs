using Microsoft.Playwright;

namespace FlowStudio.E2E.Destinations;

/// <summary>The shared CodeEditor component (CodeMirror 6): typed into as a user pasting code would.</summary>
internal static class CodeEditor
{
    /// <summary>The editable content of the editor whose host element has <paramref name="id"/>.</summary>
    public static ILocator Content(IPage page, string id) => page.Locator($"#{id} .cm-content");

    public static async Task ReplaceAsync(IPage page, string id, string code)
    {
        await Content(page, id).ClickAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.InsertTextAsync(code);
        // The editor reports edits when the user pauses or leaves it.
        await page.Keyboard.PressAsync("Tab");
    }
}
