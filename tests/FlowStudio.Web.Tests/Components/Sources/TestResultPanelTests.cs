using Bunit;
using FlowStudio.Engine;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Sources;

[Collection(AppCollection.Name)]
public sealed class TestResultPanelTests(FlowStudioApp app) : SourceScreenTest(app)
{
    private static readonly EndpointTestResult Previous = new(
        new SourceSample([JsonText.ToObject("""{"id": 1, "name": "Acme"}""")], null, ["$.data[*]"], [new RequestLogEntry("GET", "https://x/v2/client/search", 200, 12)], ""),
        [], null);

    [Fact]
    public void Testing_WithAPreviousResult_ShowsProgressAndMarksTheOldOutputStale()
    {
        var panel = Render<TestResultPanel>(p => p.Add(x => x.Result, Previous).Add(x => x.Testing, true));

        Assert.Equal("true", panel.Find("[data-testid=test-result]").GetAttribute("aria-busy"));
        Assert.NotNull(panel.Find(".mud-progress-linear"));
        Assert.Contains("recalculating", panel.Find("[data-testid=test-result-output]").ClassList);
        Assert.Contains("from the previous test", panel.Find("[data-testid=test-result-running]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Acme", panel.Find("[data-testid=test-result-records]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Done_ShowsRecordsJsonAndRequestsWithoutProgress()
    {
        var panel = Render<TestResultPanel>(p => p.Add(x => x.Result, Previous));

        Assert.Equal("false", panel.Find("[data-testid=test-result]").GetAttribute("aria-busy"));
        Assert.Empty(panel.FindAll(".mud-progress-linear"));
        Assert.DoesNotContain("recalculating", panel.Find("[data-testid=test-result-output]").ClassList);
        Assert.Contains("1 sample record from the first page, in 1 request", panel.Find("[data-testid=test-result-summary]").TextContent, StringComparison.Ordinal);
        Assert.Contains("$.data[*]", panel.Find("[data-testid=test-result-suggestions]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_OnTheSourcePage_ListsTheProblems()
    {
        var result = new EndpointTestResult(null, [new FieldError("url", "Enter the API URL.")], null);

        var panel = Render<TestResultPanel>(p => p.Add(x => x.Result, result).Add(x => x.ListErrors, true));

        Assert.Equal("Enter the API URL.", panel.Find("[data-testid=test-result-invalid] li").TextContent.Trim());
    }
}
