using Bunit;
using FlowStudio.Web.Components.Shell;
using Microsoft.JSInterop;
using MudBlazor;

namespace FlowStudio.Web.Tests.Components.Shell;

public sealed class CopyFieldTests : ShellTest
{
    [Fact]
    public void Copy_Click_PutsTheValueOnTheClipboardAndSaysSo()
    {
        JSInterop.SetupVoid("navigator.clipboard.writeText", "fs_secret").SetVoidResult();
        var snackbar = Render<MudSnackbarProvider>();
        var field = RenderField();

        field.Find("button[aria-label='Copy the API key']").Click();

        JSInterop.VerifyInvoke("navigator.clipboard.writeText");
        snackbar.WaitForAssertion(() => Assert.Contains("Copied the API key.", snackbar.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Copy_BrowserRefuses_SaysHowToCopyByHand()
    {
        JSInterop.SetupVoid("navigator.clipboard.writeText", "fs_secret").SetException(new JSException("Write permission denied."));
        var snackbar = Render<MudSnackbarProvider>();
        var field = RenderField();

        field.Find("button[aria-label='Copy the API key']").Click();

        snackbar.WaitForAssertion(() => Assert.Contains("select the API key in the field and copy it", snackbar.Markup, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_Value_IsReadOnlyInALabelledField()
    {
        var field = RenderField();

        var input = field.Find("input#new-api-key");
        Assert.Equal("fs_secret", input.GetAttribute("value"));
        Assert.True(input.HasAttribute("readonly"));
        Assert.Equal("New API key", field.Find("label[for=new-api-key]").TextContent.Trim());
    }

    private IRenderedComponent<CopyField> RenderField() => Render<CopyField>(p => p
        .Add(c => c.Id, "new-api-key")
        .Add(c => c.Label, "New API key")
        .Add(c => c.What, "the API key")
        .Add(c => c.Value, "fs_secret"));
}
