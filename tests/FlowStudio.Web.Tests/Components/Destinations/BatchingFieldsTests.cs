using AngleSharp.Dom;
using FlowStudio.Engine;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Features.Sources;

namespace FlowStudio.Web.Tests.Components.Destinations;

public sealed class BatchingFieldsTests
{
    [Fact]
    public async Task Render_EveryField_HasItsSeedLabelBoundToIt()
    {
        var document = await RenderAsync(new DestinationForm { BatchingEnabled = true });

        Assert.Equal("Would you like to batch your records together?", LabelOf(document, "batching-enabled"));
        Assert.Equal("Batch Size", LabelOf(document, "batching-size"));
        Assert.Equal("Grouping Algorithm", LabelOf(document, "batching-algorithm"));
        Assert.Equal("Property Name", LabelOf(document, "batching-property-name"));
        Assert.Equal("Other Props", LabelOf(document, "batching-other-props"));
        Assert.Equal("Code", LabelOf(document, "batching-code"));
        Assert.Equal(["Property Inside JSON Object", "JSON Array", "Code"], document.QuerySelectorAll("#batching-algorithm option").Select(o => o.TextContent));
        Assert.Equal(["property", "array", "code"], document.QuerySelectorAll("#batching-algorithm option").Select(o => o.GetAttribute("value")));
        Assert.Equal("Record Batching", document.QuerySelector("legend")!.TextContent);
    }

    [Fact]
    public async Task Render_Defaults_BatchingOffSize100AndGroupFunctionPrefilled()
    {
        var document = await RenderAsync(new DestinationForm());

        Assert.False(document.GetElementById("batching-enabled")!.HasAttribute("checked"));
        Assert.True(document.GetElementById("batching-settings")!.HasAttribute("hidden"));
        Assert.Equal("100", document.GetElementById("batching-size")!.GetAttribute("value"));
        Assert.Equal("function group(records) {\n  return records;\n}", document.GetElementById("batching-code")!.TextContent);
        Assert.Equal("javascript", document.GetElementById("batching-code")!.GetAttribute("data-code-editor"));
        Assert.Equal("json", document.GetElementById("batching-other-props")!.GetAttribute("data-code-editor"));
    }

    [Fact]
    public async Task Render_CodeAlgorithm_ShowsTheCodeEditorAndHidesPropertyFields()
    {
        var document = await RenderAsync(new DestinationForm { BatchingEnabled = true, Algorithm = "code", BatchSize = "50" });

        Assert.False(document.GetElementById("batching-settings")!.HasAttribute("hidden"));
        Assert.Equal("50", document.GetElementById("batching-size")!.GetAttribute("value"));
        Assert.True(document.GetElementById("batching-property")!.HasAttribute("hidden"));
        Assert.False(document.GetElementById("batching-code-group")!.HasAttribute("hidden"));
        Assert.True(document.QuerySelector("#batching-algorithm option[value='code']")!.HasAttribute("selected"));
    }

    [Fact]
    public async Task Render_CodeAndOtherPropsErrors_ShownBesideTheirFieldsAndLinkedByDescribedBy()
    {
        FieldError[] errors =
        [
            new("batching.code", "Code: SyntaxError at line 2, column 11: Unexpected token ;"),
            new("batching.otherProps", "Other Props must be a JSON object: Unexpected end of content."),
        ];

        var document = await RenderAsync(new DestinationForm { BatchingEnabled = true, Algorithm = "code" }, errors);

        var code = document.GetElementById("batching-code")!;
        Assert.Equal("true", code.GetAttribute("aria-invalid"));
        Assert.Contains("is-invalid", code.ClassList);
        Assert.Contains("batching-code-error", code.GetAttribute("aria-describedby")!.Split(' '));
        Assert.Equal("Code: SyntaxError at line 2, column 11: Unexpected token ;", document.GetElementById("batching-code-error")!.TextContent);
        Assert.Equal("batching-code", document.GetElementById("batching-code-error-slot")!.GetAttribute("data-error-for"));
        Assert.Equal("true", document.GetElementById("batching-other-props")!.GetAttribute("aria-invalid"));
        Assert.Null(document.GetElementById("batching-size")!.GetAttribute("aria-invalid"));
        Assert.Null(document.GetElementById("batching-size-error"));
    }

    private static string LabelOf(IDocument document, string inputId)
    {
        var input = document.GetElementById(inputId) ?? throw new InvalidOperationException($"No #{inputId}.");
        var label = document.QuerySelector($"label[for='{inputId}']") ?? input.Closest("label")
            ?? throw new InvalidOperationException($"#{inputId} has no label.");
        return (label.QuerySelector(".form-check-label") ?? label).TextContent.Trim();
    }

    private static async Task<IDocument> RenderAsync(DestinationForm form, IReadOnlyList<FieldError>? errors = null)
    {
        await using var renderer = await ComponentRenderer.CreateAsync();
        return await renderer.RenderAsync<BatchingFields>(new Dictionary<string, object?>
        {
            [nameof(BatchingFields.Form)] = form,
            [nameof(BatchingFields.Errors)] = new FormErrors(errors ?? []),
        });
    }
}
