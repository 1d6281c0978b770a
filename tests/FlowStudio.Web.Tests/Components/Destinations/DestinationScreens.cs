using AngleSharp.Dom;
using Bunit;
using FlowStudio.Web.Components.Shell;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlowStudio.Web.Tests.Components.Destinations;

/// <summary>
/// What a user does on the destination screens, in bUnit terms: pick a tab, choose in a select, type code, wait for
/// the samples. Waits are asynchronous, so the app's own work (the same process) keeps its threads.
/// </summary>
internal static class DestinationScreens
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    /// <summary>Waits (long enough for a loaded two-core machine) until <paramref name="assertion"/> holds after a render.</summary>
    public static Task EventuallyAsync<T>(this IRenderedComponent<T> cut, Action assertion)
        where T : IComponent =>
        cut.WaitForAssertionAsync(assertion, Patience);

    public static async Task TabAsync<T>(this IRenderedComponent<T> cut, string name)
        where T : IComponent
    {
        // Found and clicked in one go on the renderer: the tabs may re-render in between (the editor loads asynchronously).
        await cut.InvokeAsync(() => cut.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == name).ClickAsync(new MouseEventArgs()));
        await cut.EventuallyAsync(() => Assert.Equal("true", cut.FindAll("[role=tab]").Single(t => t.TextContent.Trim() == name).GetAttribute("aria-selected")));
    }

    /// <summary>Opens the select labelled <paramref name="label"/> (MudSelect opens on mousedown) and clicks the item <paramref name="item"/>.</summary>
    public static async Task ChooseAsync<T>(this IRenderedComponent<T> cut, IRenderedComponent<ComponentTest.ProvidersHost> providers, string label, string item)
        where T : IComponent
    {
        await cut.Combobox(label).Closest("div.mud-input-control")!.MouseDownAsync(new MouseEventArgs());
        await providers.EventuallyAsync(() => Assert.Contains(providers.FindAll("[role=option]"), o => o.TextContent.Trim() == item));
        await providers.FindAll("[role=option]").First(o => o.TextContent.Trim() == item).ClickAsync(new MouseEventArgs());
    }

    /// <summary>What the select labelled <paramref name="label"/> shows as chosen.</summary>
    public static string Shown<T>(this IRenderedComponent<T> cut, string label)
        where T : IComponent =>
        cut.Combobox(label).TextContent.Trim();

    public static IElement Combobox<T>(this IRenderedComponent<T> cut, string label)
        where T : IComponent =>
        cut.FindAll("[role=combobox]").Single(c => c.GetAttribute("aria-label") == label);

    /// <summary>Types into the CodeMirror editor <paramref name="id"/>, as its JS interop reports an edit.</summary>
    public static async Task TypeCodeAsync<T>(this IRenderedComponent<T> cut, string id, string code)
        where T : IComponent
    {
        var editor = ((IRenderedComponent<IComponent>)cut).FindComponents<CodeEditor>().Single(e => e.Instance.Id == id);
        await editor.InvokeAsync(() => editor.Instance.OnEdited(code));
    }

    /// <summary>
    /// Clicks without waiting for the handler to finish: a handler that opens a dialog waits for the user's answer,
    /// which the test gives next.
    /// </summary>
    public static void ClickAndLeave(this IElement element) => _ = element.ClickAsync(new MouseEventArgs());

    public static IReadOnlyList<IElement> Samples<T>(this IRenderedComponent<T> cut)
        where T : IComponent =>
        cut.FindAll("[data-testid=sample-payload]");

    public static Task WaitForSamplesAsync<T>(this IRenderedComponent<T> cut, int count, string? firstRecordCount = null)
        where T : IComponent =>
        cut.EventuallyAsync(() =>
        {
            Assert.Equal("false", cut.Find("#sample-payloads").GetAttribute("aria-busy"));
            Assert.Equal(count, cut.Samples().Count);
            if (firstRecordCount is not null)
            {
                Assert.Equal(firstRecordCount, cut.Samples()[0].QuerySelector("[data-testid=sample-record-count]")!.TextContent);
            }
        });

    /// <summary>Polls <paramref name="read"/> (outside the renderer) until it gives <paramref name="expected"/>.</summary>
    public static async Task PollAsync<TValue>(Func<Task<TValue>> read, TValue expected)
    {
        var deadline = DateTime.UtcNow + Patience;
        var value = await read();
        while (!EqualityComparer<TValue>.Default.Equals(value, expected) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(200);
            value = await read();
        }

        Assert.Equal(expected, value);
    }
}
