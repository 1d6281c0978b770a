using Bunit;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Tests.Components.Datasets;

[Collection(AppCollection.Name)]
public sealed class RecordsTableTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly List<JObject> Records = [.. Enumerable.Range(1, 12)
        .Select(i => new JObject { ["id"] = i, ["subject"] = $"Check-in {i}", ["active"] = i % 2 == 0, ["tags"] = new JArray("a", "b") })];

    [Fact]
    public void RecordsTable_TwelveRecords_ShowsAttributesAsColumnsTenAPage()
    {
        var table = RenderWithProviders<RecordsTable>(p => p.Add(x => x.Records, Records).Add(x => x.TestId, "sample"));

        Assert.Equal(["id", "subject", "active", "tags"], table.FindAll("[data-testid=sample] thead th").Select(th => th.TextContent.Trim()));
        Assert.Equal(10, table.FindAll("[data-testid=sample] tbody tr").Count);
        Assert.Equal(["1", "Check-in 1", "false", "[\"a\",\"b\"]"], table.Find("tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));
        Assert.Equal("12 records, 4 attributes", table.Find("[data-testid=records-caption]").TextContent);

        table.Find("button[aria-label='Next page']").Click();

        Assert.Equal(2, table.FindAll("[data-testid=sample] tbody tr").Count);
        Assert.Equal("11", table.Find("tbody tr td").TextContent.Trim());
    }

    [Fact]
    public void RecordsTable_JsonView_ShowsEveryRecordWhole()
    {
        var table = RenderWithProviders<RecordsTable>(p => p.Add(x => x.Records, Records).Add(x => x.MaxColumns, 2));
        Assert.Equal("12 records, the first 2 of 4 attributes", table.Find("[data-testid=records-caption]").TextContent);

        table.FindAll("button").Single(b => b.TextContent.Trim() == "JSON").Click();

        var json = JArray.Parse(table.Find("[data-testid=records-json]").TextContent);
        Assert.Equal(12, json.Count);
        Assert.Equal("b", json[11]["tags"]![1]!.Value<string>());
        Assert.Empty(table.FindAll("table"));
    }
}
