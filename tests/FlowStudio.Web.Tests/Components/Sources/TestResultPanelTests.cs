using AngleSharp.Dom;
using FlowStudio.Engine;
using FlowStudio.Engine.Sources;
using FlowStudio.Web.Features.Sources;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Tests.Components.Sources;

public sealed class TestResultPanelTests
{
    [Fact]
    public async Task Render_Sample_ShowsRecordsAsTableAndJsonWithRequestsMetadataAndSuggestions()
    {
        var records = Enumerable.Range(1, 12)
            .Select(i => new JObject { ["id"] = i, ["subject"] = $"Check-in {i}", ["active"] = i % 2 == 0, ["tags"] = new JArray("a", "b") })
            .ToList();
        var sample = new SourceSample(
            records,
            new JObject { ["totalElements"] = 300 },
            ["$.data[*]", "$"],
            [new RequestLogEntry("GET", "https://api.clientsuccess.com/v2/pulse/search?page=0&size=100", 200, 84)],
            "{}");

        var document = await RenderAsync(new EndpointTestResult(sample, [], null));

        Assert.Equal("Endpoint Test Result", document.QuerySelector("h2")!.TextContent.Trim());
        var table = document.QuerySelector("[data-testid='test-result-records']")!;
        Assert.Equal(["id", "subject", "active", "tags"], table.QuerySelectorAll("thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(10, table.QuerySelectorAll("tbody tr").Length);
        Assert.Equal(["1", "Check-in 1", "false", "[\"a\",\"b\"]"], table.QuerySelector("tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("12 records, 4 attributes", table.QuerySelector("[data-testid='records-caption']")!.TextContent);
        var json = JArray.Parse(document.QuerySelector("[data-testid='test-result-json']")!.TextContent);
        Assert.Equal(12, json.Count);
        var request = document.QuerySelector("[data-testid='test-result-requests'] tbody tr")!.QuerySelectorAll("td").Select(td => td.TextContent.Trim());
        Assert.Equal(["GET", "https://api.clientsuccess.com/v2/pulse/search?page=0&size=100", "200", "84 ms"], request);
        Assert.Equal(300, JObject.Parse(document.QuerySelector("[data-testid='test-result-metadata']")!.TextContent)["totalElements"]!.Value<int>());
        Assert.Equal(["$.data[*]", "$"], document.QuerySelectorAll("[data-testid='test-result-suggestions'] code").Select(c => c.TextContent));
        Assert.Equal("12 sample records from the first page, in 1 request.", document.QuerySelector("[role='status']")!.TextContent.Trim());
    }

    [Fact]
    public async Task Render_ApiAnswered401_ShowsStatusTheCallAndWhatToDo()
    {
        var failure = new SourceRequestException("GET", "https://api.clientsuccess.com/v2/pulse/search", 401, "{\"error\":\"invalid_token\"}");

        var document = await RenderAsync(new EndpointTestResult(null, [], failure));

        var alert = document.QuerySelector("[role='alert']")!;
        Assert.Equal("The API answered 401 Unauthorized", alert.QuerySelector(".alert-title")!.TextContent.Trim());
        Assert.Contains("GET https://api.clientsuccess.com/v2/pulse/search", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("check its API key", alert.TextContent, StringComparison.Ordinal);
        Assert.Contains("invalid_token", alert.QuerySelector("pre")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_NoTestYet_InvitesToClickTest()
    {
        var document = await RenderAsync(null);

        Assert.Contains("Click Test to fetch a sample", document.QuerySelector("[data-testid='test-result-empty']")!.TextContent, StringComparison.Ordinal);
        Assert.Null(document.QuerySelector("table"));
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 2)]
    public async Task Render_FieldErrors_ListsThemOnlyWhenThereIsNoFormToShowThemBeside(bool listErrors, int listed)
    {
        FieldError[] errors = [new("url", "Enter the API URL."), new("dataPath", "'$.data[' is not a valid JSONPath")];

        var document = await RenderAsync(new EndpointTestResult(null, errors, null), listErrors);

        var alert = document.QuerySelector("[data-testid='test-result-invalid']")!;
        Assert.Equal("The test did not run", alert.QuerySelector(".alert-title")!.TextContent.Trim());
        Assert.Equal(listed, alert.QuerySelectorAll("li").Length);
    }

    private static async Task<IDocument> RenderAsync(EndpointTestResult? result, bool listErrors = false)
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();
        return await renderer.RenderAsync<TestResultPanel>(new Dictionary<string, object?>
        {
            [nameof(TestResultPanel.Result)] = result,
            [nameof(TestResultPanel.ListErrors)] = listErrors,
        });
    }
}
