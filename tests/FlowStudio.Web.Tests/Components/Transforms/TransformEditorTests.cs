using Bunit;
using FlowStudio.Web.Features.Transforms;
using FlowStudio.Web.Tests.Components.Canvas;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Transforms;

[Collection(AppCollection.Name)]
public sealed class TransformEditorTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Preview_ValueChanged_ShowsTheStepsOnTheSampleRecordsAgain()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client, records: 3);
        var transformId = await CreateAsync(client, flow.DatasetId, new
        {
            kind = "filter",
            conditions = new[] { new { field = "total", @operator = "greaterThan", value = "1" } },
        });

        var editor = RenderWithProviders<TransformEditor>(p => p.Add(e => e.TransformId, transformId));

        editor.WaitForAssertion(() => Assert.Equal("3 sample records: 2 kept, 1 filtered out, 0 failed", Counts(editor)), Wait);
        Assert.Contains("Filtered out", editor.Find("[data-testid=transform-preview-0]").TextContent, StringComparison.Ordinal);
        Assert.Contains("""{"id":"order-2","total":2}""", editor.Find("[data-testid=transform-preview-1]").TextContent, StringComparison.Ordinal);

        editor.Find("#step-0-condition-0-value").Input("2");

        editor.WaitForAssertion(() => Assert.Equal("3 sample records: 1 kept, 2 filtered out, 0 failed", Counts(editor)), Wait);
    }

    [Fact]
    public async Task Preview_ScriptFailsOnARecord_ShowsTheErrorNamingTheStepOnThatRecord()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client, records: 3);
        var transformId = await CreateAsync(client, flow.DatasetId, new
        {
            kind = "script",
            code = "function transform(record) {\n  if (record.total === 2) throw new Error('total 2 is not allowed');\n  return { ...record, double: record.total * 2 };\n}",
        });

        var editor = RenderWithProviders<TransformEditor>(p => p.Add(e => e.TransformId, transformId));

        editor.WaitForAssertion(() => Assert.Equal("3 sample records: 2 kept, 0 filtered out, 1 failed", Counts(editor)), Wait);
        Assert.Equal("Step 1 (JavaScript): Error: total 2 is not allowed", editor.Find("[data-testid=transform-preview-1] [data-testid=transform-preview-error]").TextContent.Trim());
        Assert.Contains("""{"id":"order-3","total":3,"double":6}""", editor.Find("[data-testid=transform-preview-2]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Fields_StepRefersToNothing_ShowsTheApisMessageBesideTheField()
    {
        using var client = App.CreateClient();
        var flow = await StoredFlow.CreateAsync(client, records: 3);
        var transformId = await CreateAsync(client, flow.DatasetId, new { kind = "rename", field = "total", to = "amount" });
        var editor = RenderWithProviders<TransformEditor>(p => p.Add(e => e.TransformId, transformId));
        editor.WaitForAssertion(() => Assert.Equal("3 sample records: 3 kept, 0 filtered out, 0 failed", Counts(editor)), Wait);

        editor.Find("#step-0-field").Input("price");

        editor.WaitForAssertion(() => Assert.Contains("No field “price” in the records at this step.", editor.Find("[data-testid=transform-step-0]").TextContent, StringComparison.Ordinal), Wait);
        Assert.Contains("Fix the steps to see the preview.", editor.Find(".transform-preview").TextContent, StringComparison.Ordinal);
    }

    private static string Counts(IRenderedComponent<TransformEditor> editor) => editor.Find("[data-testid=transform-preview-counts]").TextContent.Trim();

    private static async Task<string> CreateAsync(HttpClient client, string datasetId, object step)
    {
        var transform = await client.PostJsonAsync("/api/transforms", new { name = "Orders " + Guid.NewGuid().ToString("N")[..6], inputDatasetId = datasetId, steps = new[] { step } }, 201);
        return transform.GetProperty("id").GetString()!;
    }
}
