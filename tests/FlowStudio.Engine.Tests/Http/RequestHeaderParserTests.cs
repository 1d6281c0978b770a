using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class RequestHeaderParserTests
{
    [Fact]
    public void Parse_TwoPairs_GivesBothHeaders()
    {
        var result = RequestHeaderParser.Parse("header1:value1,header2:value2");

        Assert.True(result.IsValid);
        Assert.Equal("value1", result.Headers["header1"]);
        Assert.Equal("value2", result.Headers["header2"]);
    }

    [Fact]
    public void Parse_SpacesAndColonsInValues_AreKept()
    {
        var result = RequestHeaderParser.Parse(" Accept : application/json , X-Callback : https://example.com:8443/hook ");

        Assert.True(result.IsValid);
        Assert.Equal("application/json", result.Headers["Accept"]);
        Assert.Equal("https://example.com:8443/hook", result.Headers["X-Callback"]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Parse_Blank_GivesNoHeaders(string? text)
    {
        var result = RequestHeaderParser.Parse(text);

        Assert.True(result.IsValid);
        Assert.Empty(result.Headers);
    }

    [Fact]
    public void Parse_PairWithoutColon_NamesThePair()
    {
        var problem = Assert.Single(RequestHeaderParser.Parse("X-One:1,X-Two").Problems);

        Assert.Contains("\"X-Two\"", problem, StringComparison.Ordinal);
        Assert.Contains("no colon", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EmptyName_SaysSo()
    {
        var problem = Assert.Single(RequestHeaderParser.Parse(":value").Problems);

        Assert.Contains("empty name", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_InvalidCharactersInName_ListsThem()
    {
        var problem = Assert.Single(RequestHeaderParser.Parse("X Api(Key):abc").Problems);

        Assert.Contains("X Api(Key)", problem, StringComparison.Ordinal);
        Assert.Contains("(space)", problem, StringComparison.Ordinal);
        Assert.Contains("'('", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_TrailingComma_ReportsAnEmptyHeader()
    {
        var result = RequestHeaderParser.Parse("X-One:1,");

        Assert.Contains("empty", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SameNameTwice_ReportsTheRepeat()
    {
        var result = RequestHeaderParser.Parse("X-One:1,x-one:2");

        Assert.Contains("more than once", Assert.Single(result.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Check_LineBreakInValue_IsRejected()
    {
        var problems = RequestHeaderParser.Check(new Dictionary<string, string> { ["X-Evil"] = "a\r\nSet-Cookie: x" });

        Assert.Contains("X-Evil", Assert.Single(problems), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_Headers_RoundTrips()
    {
        var headers = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2" };

        Assert.Equal(headers.ToList(), RequestHeaderParser.Parse(RequestHeaderParser.Format(headers)).Headers.ToList());
    }
}
