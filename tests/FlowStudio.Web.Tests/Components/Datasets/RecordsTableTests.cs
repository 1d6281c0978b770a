using System.Text.Json.Nodes;
using Bunit;
using FlowStudio.Engine.Paths;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Datasets;

[Collection(AppCollection.Name)]
public sealed class RecordsTableTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly List<JsonObject> Records = [.. Enumerable.Range(1, 12)
        .Select(i => new JsonObject { ["id"] = i, ["subject"] = $"Check-in {i}", ["active"] = i % 2 == 0, ["tags"] = new JsonArray("a", "b") })];

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

        var json = JsonNode.Parse(table.Find("[data-testid=records-json]").TextContent)!.AsArray();
        Assert.Equal(12, json.Count);
        Assert.Equal("b", json[11]!["tags"]![1]!.GetValue<string>());
        Assert.Empty(table.FindAll("table"));
    }

    [Fact]
    public void RecordsTable_StoredRecord_ShowsNumbersDatesAndTextAsStored()
    {
        const string Stored = """{"price":1.10,"big":12345678901234567890123,"tiny":0.000001,"when":"2024-01-01T00:00:00.000+02:00","name":"Café ☕ 😀 <b>","nested":{"rate":2.50}}""";
        var table = RenderWithProviders<RecordsTable>(p => p.Add(x => x.Records, [JsonText.ToObject(Stored)]));

        Assert.Equal(["1.10", "12345678901234567890123", "0.000001", "2024-01-01T00:00:00.000+02:00", "Café ☕ 😀 <b>", """{"rate":2.50}"""],
            table.Find("tbody tr").QuerySelectorAll("td").Select(td => td.TextContent.Trim()));

        table.FindAll("button").Single(b => b.TextContent.Trim() == "JSON").Click();

        Assert.Equal("""
            [
              {
                "price": 1.10,
                "big": 12345678901234567890123,
                "tiny": 0.000001,
                "when": "2024-01-01T00:00:00.000+02:00",
                "name": "Café ☕ 😀 <b>",
                "nested": {
                  "rate": 2.50
                }
              }
            ]
            """, table.Find("[data-testid=records-json]").TextContent);
    }
}
