using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E;

/// <summary>
/// The data-attribute behaviours of app.js (the old pages' htmx bundle; these tests go when it does), on a fragment
/// swapped in by htmx as those pages did. The harness is a bare page of this origin that loads only the bundle, so it
/// depends on no screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BehaviourTests(BrowserApp app)
{
    private const string Fragment = """
        <div id="swapped">
          <label for="mapping-code" class="form-label">Grouping code</label>
          <textarea id="mapping-code" name="code" data-code-editor="javascript">return records;</textarea>
        </div>
        """;

    [Fact]
    public async Task SwappedFragment_CodeEditor_KeepsTheTextareaInSync()
    {
        var page = await SwapInFragmentAsync();

        var editor = page.Locator("#swapped .cm-content");
        await Expect(editor).ToHaveAttributeAsync("aria-labelledby", "mapping-code-label");
        await Expect(page.Locator("#mapping-code")).ToBeHiddenAsync();
        await page.GetByText("Grouping code").ClickAsync();
        await Expect(editor).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Control+End");
        await page.Keyboard.TypeAsync(" // sent as is");

        await Expect(page.Locator("#mapping-code")).ToHaveValueAsync("return records; // sent as is");
    }

    private const string Harness = """
        <!DOCTYPE html>
        <html lang="en">
        <head><link rel="stylesheet" href="/dist/app.css" /><script type="module" src="/dist/app.js"></script></head>
        <body><main id="main-content"></main></body>
        </html>
        """;

    private async Task<IPage> SwapInFragmentAsync()
    {
        var page = await app.NewPageAsync();
        await page.GotoAsync("/api/health");
        await page.SetContentAsync(Harness, new() { WaitUntil = WaitUntilState.NetworkIdle });
        await page.WaitForFunctionAsync("() => typeof window.htmx === 'object'");
        await page.EvaluateAsync("html => htmx.swap('#main-content', html, { swapStyle: 'beforeend' })", Fragment);
        return page;
    }
}
