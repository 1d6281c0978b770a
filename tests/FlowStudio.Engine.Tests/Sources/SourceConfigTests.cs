using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Sources;

public sealed class SourceConfigTests
{
    private static readonly EndpointTemplate SearchPulses = new()
    {
        Id = "clientsuccess.search-pulses",
        Connector = "clientsuccess",
        Direction = "source",
        Name = "Search Pulses",
        Method = "GET",
        Path = "/v2/pulse/search",
        Parameters =
        [
            new TemplateParameter { Name = "clientId", Label = "Client ID", Type = ParameterTypes.Integer, In = ParameterLocations.Query },
            new TemplateParameter { Name = "subject", Label = "Subject", In = ParameterLocations.Query },
        ],
        Pagination = new PaginationSpec { Type = PaginationTypes.PageSize, PageParam = "page", SizeParam = "size", Size = 100, LastPath = "$.last" },
        DataPath = "$.data[*]",
        Key = "id",
    };

    private static readonly EndpointTemplate ExportActivity = new()
    {
        Id = "clari.export-activity",
        Connector = "clari",
        Direction = "source",
        Name = "Export Activity",
        Method = "POST",
        Path = "/v4/export/{kind}",
        Parameters =
        [
            new TemplateParameter { Name = "kind", Label = "Kind", Required = true, In = ParameterLocations.Path },
            new TemplateParameter { Name = "startDate", Label = "Start date", Required = true, In = ParameterLocations.Body },
            new TemplateParameter { Name = "limit", Label = "Limit", Type = ParameterTypes.Integer, In = ParameterLocations.Body, Default = "50" },
            new TemplateParameter { Name = "includeHistorical", Label = "Include history", Type = ParameterTypes.Boolean, In = ParameterLocations.Body },
            new TemplateParameter
            {
                Name = "mode", Label = "Mode", Type = ParameterTypes.Select, In = ParameterLocations.Query,
                Options = [new ParameterOption("Upsert", "incremental"), new ParameterOption("First load", "initial")],
            },
            new TemplateParameter { Name = "oppId", Label = "Opportunity IDs", In = ParameterLocations.Query, Multiple = true },
            new TemplateParameter { Name = "X-Trace", Label = "Trace", In = ParameterLocations.Header },
            new TemplateParameter { Name = "note", Label = "Note" , In = ParameterLocations.Query },
        ],
        Body = JToken.Parse("""{"activityTypes":["MEETING"],"exportFormat":"JSON","owner":"{note}","title":"Export {kind}"}"""),
        DataPath = "$.activities[*]",
    };

    [Fact]
    public void FromTemplate_NoParameters_GivesThePathPagingAndDataPath()
    {
        var config = SourceConfig.FromTemplate(SearchPulses, new Dictionary<string, string?>());

        Assert.Equal("GET", config.Method);
        Assert.Equal("/v2/pulse/search", config.Url);
        Assert.Equal("$.data[*]", config.DataPath);
        Assert.Equal(PaginationTypes.PageSize, config.Pagination.Type);
        Assert.Equal("id", config.Key);
        Assert.Null(config.Body);
    }

    [Fact]
    public void FromTemplate_QueryParameters_AreEncodedIntoTheUrl()
    {
        var config = SourceConfig.FromTemplate(SearchPulses, new Dictionary<string, string?> { ["clientId"] = "42", ["subject"] = "Q1 review & plan" });

        Assert.Equal("/v2/pulse/search?clientId=42&subject=Q1%20review%20%26%20plan", config.Url);
    }

    [Fact]
    public void FromTemplate_MacroInAParameter_IsKeptForReadTime()
    {
        var config = SourceConfig.FromTemplate(SearchPulses, new Dictionary<string, string?> { ["subject"] = "since {now-7}" });

        Assert.Equal("/v2/pulse/search?subject=since%20{now-7}", config.Url);
        Assert.Empty(SourceValidator.Validate(config));
    }

    [Fact]
    public void FromTemplate_WrongType_NamesTheParameter()
    {
        var error = Assert.Throws<InvalidSourceException>(() =>
            SourceConfig.FromTemplate(SearchPulses, new Dictionary<string, string?> { ["clientId"] = "abc" }));

        var field = Assert.Single(error.Errors);
        Assert.Equal("parameters.clientId", field.Field);
        Assert.Contains("Client ID", field.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FromTemplate_RequiredMissing_GivesAnErrorPerParameter()
    {
        var error = Assert.Throws<InvalidSourceException>(() => SourceConfig.FromTemplate(ExportActivity, new Dictionary<string, string?> { ["kind"] = " " }));

        Assert.Equal(["parameters.kind", "parameters.startDate"], error.Errors.Select(e => e.Field));
    }

    [Fact]
    public void FromTemplate_PathBodyQueryAndHeaderParameters_GoWhereTheyBelong()
    {
        var config = SourceConfig.FromTemplate(ExportActivity, new Dictionary<string, string?>
        {
            ["kind"] = "activity",
            ["startDate"] = "2026-01-01",
            ["includeHistorical"] = "True",
            ["mode"] = "Upsert",
            ["oppId"] = "a1, b2",
            ["X-Trace"] = "t-1",
            ["note"] = "ann@example.com",
        });

        Assert.Equal("POST", config.Method);
        Assert.Equal("/v4/export/activity?mode=incremental&oppId=a1&oppId=b2&note=ann%40example.com", config.Url);
        Assert.Equal("t-1", config.Headers["X-Trace"]);
        var body = JObject.Parse(config.Body!);
        Assert.Equal("2026-01-01", (string)body["startDate"]!);
        Assert.Equal(50, (int)body["limit"]!);
        Assert.Equal(JTokenType.Integer, body["limit"]!.Type);
        Assert.True((bool)body["includeHistorical"]!);
        Assert.Equal("ann@example.com", (string)body["owner"]!);
        Assert.Equal("Export activity", (string)body["title"]!);
        Assert.Equal("MEETING", (string)body["activityTypes"]![0]!);
    }

    [Fact]
    public void FromTemplate_OptionalBodyPlaceholderWithoutValue_DropsTheProperty()
    {
        var config = SourceConfig.FromTemplate(ExportActivity, new Dictionary<string, string?> { ["kind"] = "activity", ["startDate"] = "2026-01-01" });

        var body = JObject.Parse(config.Body!);
        Assert.False(body.ContainsKey("owner"));
        Assert.False(body.ContainsKey("includeHistorical"));
    }

    [Fact]
    public void FromTemplate_SelectValueNotAnOption_ListsTheOptions()
    {
        var error = Assert.Throws<InvalidSourceException>(() => SourceConfig.FromTemplate(ExportActivity, new Dictionary<string, string?>
        {
            ["kind"] = "activity",
            ["startDate"] = "2026-01-01",
            ["mode"] = "sometimes",
        }));

        var field = Assert.Single(error.Errors);
        Assert.Equal("parameters.mode", field.Field);
        Assert.Contains("Upsert", field.Message, StringComparison.Ordinal);
    }
}
