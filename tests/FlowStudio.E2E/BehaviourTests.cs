using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace FlowStudio.E2E;

/// <summary>
/// The data-attribute behaviours of app.js (the bundle of the pages not yet moved to the interactive UI), on a fragment
/// swapped in by htmx as those pages do. The harness is a bare page of this origin that loads only the bundle, so it
/// depends on no screen.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class BehaviourTests(BrowserApp app)
{
    private const string Fragment = """
        <div id="swapped">
          <label for="mapping-code" class="form-label">Grouping code</label>
          <textarea id="mapping-code" name="code" data-code-editor="javascript">return records;</textarea>
          <div class="chart-box"><canvas data-chart='{"type":"bar","data":{"labels":["sent","failed"],"datasets":[{"label":"Records","data":[120,3]}]}}'></canvas></div>
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

    [Fact]
    public async Task SwappedFragment_ChartCanvas_IsDrawn()
    {
        var page = await SwapInFragmentAsync();

        // Chart.js sizes the canvas it draws on; an untouched canvas keeps its 300x150 default.
        await Expect(page.Locator("#swapped canvas")).ToHaveAttributeAsync("style", new System.Text.RegularExpressions.Regex("box-sizing"));
        var box = await page.Locator("#swapped canvas").BoundingBoxAsync();
        Assert.True(box!.Height > 200, $"the chart is {box.Height}px high");
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
