using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Sources;

public sealed class SourceValidatorTests
{
    private static readonly SourceConfig Valid = new()
    {
        Url = "https://api.clientsuccess.com/v2/client/search?modifiedAfter={now-1}",
        DataPath = "$.data[*]",
        MetadataPath = "$.totalElements",
        DateFormat = "yyyy-MM-dd",
        TimeUnit = "day",
        Headers = new Dictionary<string, string> { ["Accept-Language"] = "en" },
    };

    private static IReadOnlyList<string> FieldsOf(SourceConfig config) => [.. SourceValidator.Validate(config).Select(e => e.Field)];

    [Fact]
    public void Validate_GoodManualSource_HasNoErrors() => Assert.Empty(SourceValidator.Validate(Valid));

    [Theory]
    [InlineData("/v2/pulse/search")]
    [InlineData("http://127.0.0.1:5000/sandbox/clientsuccess/v2/pulse/search?page=0")]
    [InlineData("https://api.example.com/clients/{clients.id}/notes")]
    public void Validate_AbsoluteUrlOrPath_IsAccepted(string url) => Assert.Empty(SourceValidator.Validate(Valid with { Url = url }));

    [Theory]
    [InlineData("")]
    [InlineData("api.example.com/x")]
    [InlineData("ftp://example.com/file")]
    [InlineData("https://api.example.com/x?d={nowx}")]
    [InlineData("https://api.example.com/x?d={now-")]
    [InlineData("https://api.example.com/a b")]
    public void Validate_BadUrl_IsAUrlError(string url) => Assert.Equal(["url"], FieldsOf(Valid with { Url = url }));

    [Fact]
    public void Validate_UnknownMacro_MessageNamesIt() =>
        Assert.Contains("{nowx}", Assert.Single(SourceValidator.Validate(Valid with { Url = "/x?a={nowx}" })).Message, StringComparison.Ordinal);

    [Fact]
    public void Validate_BadPathsHeadersBodyAndSettings_EachNamesItsField()
    {
        var config = Valid with
        {
            Method = "FETCH",
            DataPath = "$.data[",
            MetadataPath = "/response/[",
            Headers = new Dictionary<string, string> { ["Bad Header"] = "x" },
            Body = "{not json",
            DateFormat = "dd.MM.yy",
            TimeUnit = "fortnight",
            Pagination = new PaginationSpec { Type = "pages" },
            MaxPages = 0,
        };

        Assert.Equal(
            ["method", "headers", "body", "dataPath", "metadataPath", "dateFormat", "timeUnit", "pagination", "maxPages"],
            FieldsOf(config));
    }

    [Fact]
    public void Validate_PaginationMissingItsSettings_IsAPaginationError()
    {
        var errors = SourceValidator.Validate(Valid with { Pagination = new PaginationSpec { Type = PaginationTypes.Cursor } });

        Assert.All(errors, e => Assert.Equal("pagination", e.Field));
        Assert.Contains(errors, e => e.Message.Contains("cursorPath", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_CursorMacroWithoutCursorField_NamesCursorField()
    {
        var config = Valid with { Url = "https://api.example.com/items?modifiedAfter={cursor}" };

        var error = Assert.Single(SourceValidator.Validate(config));
        Assert.Equal("cursorField", error.Field);
        Assert.Contains("Cursor Field", error.Message, StringComparison.Ordinal);
        Assert.Empty(SourceValidator.Validate(config with { CursorField = "modifiedTime" }));
    }

    [Fact]
    public void Validate_CursorFieldThatIsABadJsonPath_SaysWhere()
    {
        var error = Assert.Single(SourceValidator.Validate(Valid with { CursorField = "$.meta[?@.at >" }));

        Assert.Equal("cursorField", error.Field);
        Assert.Contains("position 15", error.Message, StringComparison.Ordinal);
        Assert.Empty(SourceValidator.Validate(Valid with { CursorField = "$.meta.modifiedTime" }));
    }

    [Fact]
    public void Validate_BadDataPath_SaysWhere()
    {
        var error = Assert.Single(SourceValidator.Validate(Valid with { DataPath = "$.data[?@.a=='b'" }));

        Assert.Equal("dataPath", error.Field);
        Assert.Contains("position 17", error.Message, StringComparison.Ordinal);
    }
}
