using Bunit;
using FlowStudio.Web.Components.Shell;

namespace FlowStudio.Web.Tests.Components.Shell;

public sealed class TypedTextFieldTests : ShellTest
{
    [Fact]
    public void Render_HelperText_ARequiredFieldNamedByItsLabelAndDescribedByItsHelp()
    {
        var field = RenderField();

        var input = field.Find("input#manual-url");
        Assert.Equal("Set API URL", field.Find("label[for=manual-url]").TextContent);
        Assert.True(input.HasAttribute("required"));
        Assert.Equal("false", input.GetAttribute("aria-invalid"));
        Assert.Equal("manual-url-helper-text", input.GetAttribute("aria-describedby"));
        Assert.Equal("Type { to insert a macro.", field.Find("#manual-url-helper-text").TextContent);
        Assert.Equal("combobox", input.GetAttribute("role"));
        Assert.Contains("mud-input-required", field.Find(".mud-input-control").ClassList);
    }

    [Fact]
    public void Render_Error_ShowsTheErrorInsteadOfTheHelpAndMarksTheFieldInvalid()
    {
        var field = RenderField(error: "Set the API URL.");

        var input = field.Find("input#manual-url");
        Assert.Equal("true", input.GetAttribute("aria-invalid"));
        Assert.Equal("manual-url-error", input.GetAttribute("aria-describedby"));
        Assert.Equal("Set the API URL.", field.Find("#manual-url-error").TextContent);
        Assert.Empty(field.FindAll("#manual-url-helper-text"));
        Assert.Contains("mud-input-error", field.Find(".mud-input-control").ClassList);
    }

    [Fact]
    public void Input_Typed_IsReportedWithoutRenderingItBackAndAValueFromElsewhereReplacesIt()
    {
        string? reported = null;
        var field = RenderField(changed: text => reported = text);

        field.Find("#manual-url").Input("/v2/client/{now}");
        field.Render(p => p.Add(c => c.Value, reported));

        Assert.Equal("/v2/client/{now}", field.Instance.Value);
        Assert.Equal("/v2/client/", field.Find("#manual-url").GetAttribute("value"));
        field.Render(p => p.Add(c => c.Value, "/v2/contact/search"));
        Assert.Equal("/v2/contact/search", field.Find("#manual-url").GetAttribute("value"));
    }

    [Fact]
    public void Input_ValueFromElsewhereIsTheOneGivenBefore_ReplacesWhatWasTyped()
    {
        var field = RenderField();
        field.Find("#manual-url").Input("/v2/client/{cl");

        field.Render(p => p.Add(c => c.Value, "/v2/client/"));

        field.WaitForAssertion(() => Assert.Equal("/v2/client/", field.Find("#manual-url").GetAttribute("value")));
        Assert.Equal("/v2/client/", field.Instance.Value);
    }

    private IRenderedComponent<TypedTextField> RenderField(string? error = null, Action<string?>? changed = null) => Render<TypedTextField>(p => p
        .Add(c => c.Id, "manual-url")
        .Add(c => c.Label, "Set API URL")
        .Add(c => c.Value, "/v2/client/")
        .Add(c => c.ValueChanged, changed ?? (_ => { }))
        .Add(c => c.Required, true)
        .Add(c => c.HelperText, "Type { to insert a macro.")
        .Add(c => c.Error, error)
        .AddUnmatched("role", "combobox"));
}
