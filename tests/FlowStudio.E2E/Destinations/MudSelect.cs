using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace FlowStudio.E2E.Destinations;

/// <summary>MudBlazor's select as a user works it: open the combobox by its label, click the option.</summary>
internal static class MudSelect
{
    public static ILocator Combobox(IPage page, string label) => page.GetByRole(AriaRole.Combobox, new() { Name = label, Exact = true });

    public static async Task ChooseAsync(IPage page, string label, string option)
    {
        await Combobox(page, label).ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
    }

    /// <summary>Picks several options of a multi-select (by name, whatever type follows it in brackets), then closes its list.</summary>
    public static async Task ChooseManyAsync(IPage page, string label, params string[] options)
    {
        await Combobox(page, label).ClickAsync();
        foreach (var option in options)
        {
            var name = new Regex($"^{Regex.Escape(option)}( \\(.*\\))?$");
            await page.GetByRole(AriaRole.Option, new() { NameRegex = name }).ClickAsync();
        }

        await page.Keyboard.PressAsync("Escape");
    }
}
