using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Features.Destinations;

namespace FlowStudio.Web.Tests.Components.Destinations;

public sealed class ExcludeAttributesFieldTests
{
    [Fact]
    public async Task Render_Excluded_EachIsAChipWithARemoveButtonAndItsOptionIsDisabled()
    {
        SchemaColumn[] attributes = [new("id", "integer"), new("note", "string"), new("reasonCodes", "array")];
        await using var renderer = await ComponentRenderer.CreateAsync();

        var document = await renderer.RenderAsync<ExcludeAttributesField>(new Dictionary<string, object?>
        {
            [nameof(ExcludeAttributesField.Attributes)] = attributes,
            [nameof(ExcludeAttributesField.Excluded)] = new[] { "note", "reasonCodes" },
        });

        Assert.Equal("Exclude Attributes", document.QuerySelector("label[for='destination-exclude']")!.TextContent);
        Assert.Equal(["", "id", "note", "reasonCodes"], document.QuerySelectorAll("#destination-exclude option").Select(o => o.GetAttribute("value")));
        Assert.Equal([false, false, true, true], document.QuerySelectorAll("#destination-exclude option").Select(o => o.HasAttribute("disabled")));
        var list = document.GetElementById("excluded-attributes")!;
        Assert.Equal("Excluded attributes", list.GetAttribute("aria-label"));
        Assert.Equal(["Remove note", "Remove reasonCodes"], list.QuerySelectorAll("li button").Select(b => b.GetAttribute("aria-label")));
        Assert.Equal(["note", "reasonCodes"], list.QuerySelectorAll("input[name='ExcludeAttributes']").Select(i => i.GetAttribute("value")));
        Assert.Null(document.QuerySelector("#destination-exclude")!.GetAttribute("name"));
    }
}
