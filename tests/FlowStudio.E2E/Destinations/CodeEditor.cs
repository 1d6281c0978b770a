using Microsoft.Playwright;

namespace FlowStudio.E2E.Destinations;

/// <summary>Types into the CodeMirror editor that stands in for a <c>textarea[data-code-editor]</c>, as a user pasting code would.</summary>
internal static class CodeEditor
{
    public static async Task ReplaceAsync(IPage page, string textareaId, string code)
    {
        var content = page.Locator($"#{textareaId} + .cm-editor .cm-content");
        await content.ClickAsync();
        await page.Keyboard.PressAsync("ControlOrMeta+A");
        await page.Keyboard.InsertTextAsync(code);
    }
}
