using System.Text.Json;
using AngleSharp.Dom;
using Bunit;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Sources;

/// <summary>What the source screens' tests share: sources made through the API, and MudBlazor selects and dialogs used as a user would.</summary>
public abstract class SourceScreenTest : ComponentTest
{
    private protected SourceScreenTest(FlowStudioApp app, AccountRole role = AccountRole.Owner)
        : base(app, role)
    {
        // The pages subscribe to the change feed only on the circuit, as they do once interactive.
        Renderer.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
    }

    protected static string Unique(string name) => $"{name} {Guid.NewGuid().ToString("N")[..6]}";

    protected async Task<string> CredentialIdAsync(string name = "ClientSuccess Sandbox")
    {
        using var client = App.CreateClient();
        return await client.CredentialIdAsync(name);
    }

    /// <summary>Creates a source through the REST API; returns its JSON.</summary>
    protected async Task<JsonElement> CreateSourceAsync(object body)
    {
        using var client = App.CreateClient();
        return await client.PostJsonAsync("/api/sources", body, 201);
    }

    protected async Task<JsonElement> GetSourceAsync(string id)
    {
        using var client = App.CreateClient();
        return JsonDocument.Parse(await client.GetStringAsync($"/api/sources/{id}")).RootElement.Clone();
    }

    /// <summary>Opens the MudSelect whose input has <paramref name="id"/> and picks the option whose text starts with <paramref name="option"/>.</summary>
    protected void Choose<T>(IRenderedComponent<T> cut, string id, string option)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        cut.Find($"#{id}").Closest(".mud-input-control")!.MouseDown();
        Providers.WaitForAssertion(() => Assert.Contains(Providers.FindAll("[role=option]"), o => o.TextContent.Trim().StartsWith(option, StringComparison.Ordinal)));
        Providers.FindAll("[role=option]").First(o => o.TextContent.Trim().StartsWith(option, StringComparison.Ordinal)).Click();
    }

    /// <summary>The text a MudSelect shows for its value.</summary>
    protected static string Shown<T>(IRenderedComponent<T> cut, string id)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.Find($"#{id}").Closest(".mud-input-control")!.QuerySelector("[role=combobox]")!.TextContent.Trim();

    /// <summary>Clicks the button with exactly this text in <paramref name="scope"/>.</summary>
    protected static void ClickButton(IElement scope, string text) =>
        scope.QuerySelectorAll("button").First(b => b.TextContent.Trim() == text).Click();

    /// <summary>Clicks the button with exactly this text in the rendered component.</summary>
    protected static void ClickButton<T>(IRenderedComponent<T> cut, string text)
        where T : Microsoft.AspNetCore.Components.IComponent =>
        // Found and clicked on the renderer's dispatcher, so a render between the two cannot take the button's handler away.
        cut.InvokeAsync(() => cut.FindAll("button").First(b => b.TextContent.Trim() == text).Click()).GetAwaiter().GetResult();

    /// <summary>The open dialog's markup root (dialogs render in the providers).</summary>
    protected IElement Dialog() => Providers.Find(".mud-dialog");
}
