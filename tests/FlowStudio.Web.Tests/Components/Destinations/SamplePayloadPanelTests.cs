using AngleSharp.Dom;
using FlowStudio.Web.Features.Destinations;

namespace FlowStudio.Web.Tests.Components.Destinations;

public sealed class SamplePayloadPanelTests
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    [Fact]
    public async Task Render_Samples_EachPayloadExpandableWithMethodUrlRecordCountHeadersAndPrettyBody()
    {
        var samples = Enumerable.Range(0, 3).Select(i => Sample(i, 100)).ToList();
        var headers = new Dictionary<string, string> { ["X-Batch"] = "nightly", ["Authorization"] = "••••••••" };
        samples[0] = samples[0] with { Headers = headers };

        var document = await RenderAsync(new SamplePanelState(samples, [], TestMode: false));

        var payloads = document.QuerySelectorAll("details[data-testid='sample-payload']");
        Assert.Equal(3, payloads.Length);
        Assert.True(payloads[0].HasAttribute("open"));
        Assert.False(payloads[1].HasAttribute("open"));
        var summary = payloads[0].QuerySelector("summary")!;
        Assert.Equal("POST", summary.QuerySelector(".badge")!.TextContent);
        Assert.Equal("/v2/ingest/entity/account?mode=incremental", summary.QuerySelector("code")!.TextContent);
        Assert.Equal("100 records", summary.QuerySelector("[data-testid='sample-record-count']")!.TextContent);
        Assert.Equal(["X-Batch", "Authorization"], payloads[0].QuerySelectorAll("dt").Select(dt => dt.TextContent));
        Assert.Equal("••••••••", payloads[0].QuerySelectorAll("dd")[1].TextContent);
        Assert.Contains("\n  \"records\": [", payloads[0].QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("3 payloads, carrying 300 records from the dataset's first records.", Status(document));
        Assert.Null(document.QuerySelector("textarea"));
        Assert.Equal("false", ToggleButton(document).GetAttribute("aria-pressed"));
    }

    [Fact]
    public async Task Render_FivePayloads_SaysTheFirstFiveAreShown()
    {
        var document = await RenderAsync(new SamplePanelState(Enumerable.Range(0, 5).Select(i => Sample(i, 50)).ToList(), [], false));

        Assert.Equal("The first 5 payloads, carrying 250 records from the dataset's first records.", Status(document));
    }

    [Fact]
    public async Task Render_TestModeUnsaved_BodiesEditableAndSendTestDataPostsTheFormWithThatBody()
    {
        var document = await RenderAsync(new SamplePanelState([Sample(0, 100), Sample(1, 100)], [], TestMode: true));

        Assert.Equal("true", ToggleButton(document).GetAttribute("aria-pressed"));
        Assert.Equal("{\"PanelMode\":\"\"}", ToggleButton(document).GetAttribute("hx-vals"));
        var body = document.GetElementById("sample-1-payload")!;
        Assert.Equal("TEXTAREA", body.TagName);
        Assert.Equal("Payload 2 body", document.QuerySelector("label[for='sample-1-payload']")!.TextContent);
        Assert.False(body.HasAttribute("readonly"));
        // Kept out of the destination form, so Done and the sample refresh do not post the edited bodies.
        Assert.Equal("sample-payload-editor", body.GetAttribute("form"));
        var send = document.GetElementById("sample-1-send")!;
        Assert.Equal("Send Test Data", send.TextContent.Trim());
        Assert.Equal("/destinations/new/test-data", send.GetAttribute("hx-post"));
        Assert.Equal("#sample-1-payload", send.GetAttribute("hx-include"));
        Assert.Equal("{\"Index\":\"1\"}", send.GetAttribute("hx-vals"));
        Assert.Equal("#sample-1-result", send.GetAttribute("hx-target"));
        Assert.Equal("polite", document.GetElementById("sample-1-result")!.GetAttribute("aria-live"));
    }

    [Fact]
    public async Task Render_SavedDestination_TestTogglesAndSendsThroughItsOwnEndpoints()
    {
        var document = await RenderAsync(new SamplePanelState([Sample(0, 10)], [], TestMode: false), "dst_abc");

        Assert.Equal("/destinations/dst_abc/samples?mode=test", ToggleButton(document).GetAttribute("hx-get"));
        Assert.Null(ToggleButton(document).GetAttribute("hx-post"));

        document = await RenderAsync(new SamplePanelState([Sample(0, 10)], [], TestMode: true), "dst_abc");

        Assert.Equal("/destinations/dst_abc/test-data", document.GetElementById("sample-0-send")!.GetAttribute("hx-post"));
        Assert.Equal("/destinations/dst_abc/samples?mode=preview", ToggleButton(document).GetAttribute("hx-get"));
    }

    [Fact]
    public async Task Render_Problems_ListsEachWithALinkToItsFieldAndOffersNoTest()
    {
        PanelProblem[] problems =
        [
            new("Code: SyntaxError at line 2, column 11: Unexpected token ;", "Code", "batching-code"),
            new("Credential 'cred_x' does not exist."),
        ];

        var document = await RenderAsync(new SamplePanelState(null, problems, TestMode: false));

        var items = document.QuerySelectorAll("[data-testid='sample-problems'] li");
        Assert.Equal(2, items.Length);
        var link = items[0].QuerySelector("a")!;
        Assert.Equal("#batching-code", link.GetAttribute("href"));
        Assert.Equal("Code", link.TextContent);
        Assert.Contains("line 2, column 11", items[0].TextContent, StringComparison.Ordinal);
        Assert.Null(items[1].QuerySelector("a"));
        Assert.Empty(document.QuerySelectorAll("[data-testid='sample-payload']"));
        Assert.True(ToggleButton(document).HasAttribute("disabled"));
    }

    [Fact]
    public async Task Render_DeleteWithoutBody_SaysSoInsteadOfAnEmptyBody()
    {
        var delete = new PayloadSample("DELETE", "/v2/contact/5a1c", NoHeaders, "", 1, null);

        var document = await RenderAsync(new SamplePanelState([delete], [], false));

        Assert.Equal("1 record", document.QuerySelector("[data-testid='sample-record-count']")!.TextContent);
        Assert.Null(document.QuerySelector("pre"));
        Assert.Contains("No body: a DELETE request carries none.", document.QuerySelector("details")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NothingConfiguredYet_SaysWhereSamplesComeFrom()
    {
        var document = await RenderAsync(SamplePanelState.NotYet);

        Assert.Contains("choose an Endpoint", document.QuerySelector("[data-testid='sample-empty']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Sample Payload", document.QuerySelector("h2")!.TextContent);
    }

    private static PayloadSample Sample(int index, int records) => new(
        "POST",
        "/v2/ingest/entity/account?mode=incremental",
        NoHeaders,
        $$"""{"sourceEntity":"account","records":[{"id":"p-{{index}}","createdAt":1700000000000}]}""",
        records,
        null);

    private static IElement ToggleButton(IDocument document) => document.GetElementById("sample-test-toggle")!;

    private static string Status(IDocument document) => document.QuerySelector("[role='status']")!.TextContent.Trim();

    private static async Task<IDocument> RenderAsync(SamplePanelState state, string? destinationId = null)
    {
        await using var renderer = await ComponentRenderer.CreateAsync();
        return await renderer.RenderAsync<SamplePayloadPanel>(new Dictionary<string, object?>
        {
            [nameof(SamplePayloadPanel.State)] = state,
            [nameof(SamplePayloadPanel.DestinationId)] = destinationId,
        });
    }
}
