namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.3.1 name selector: Table 5 and the string-literal grammar.</summary>
public sealed class NameSelectorTests
{
    private const string Document = """{ "o": {"j j": {"k.k": 3}}, "'": {"@": 2} }""";

    [Theory]
    [InlineData("$.o['j j']", """[{"k.k":3}]""", "$['o']['j j']")]
    [InlineData("$.o['j j']['k.k']", "[3]", "$['o']['j j']['k.k']")]
    [InlineData("$.o[\"j j\"][\"k.k\"]", "[3]", "$['o']['j j']['k.k']")]
    [InlineData("$[\"'\"][\"@\"]", "[2]", @"$['\'']['@']")]
    public void Select_RfcTable5_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, Document));
        Assert.Equal(paths, Rfc.Paths(path, Document));
    }

    [Theory]
    [InlineData(@"$['\u263A']", "☺")]
    [InlineData(@"$['\uD834\uDD1E']", "𝄞")]
    [InlineData(@"$['\b\f\n\r\t\/\\']", "\b\f\n\r\t/\\")]
    [InlineData(@"$['\'']", "'")]
    [InlineData("$[\"\\\"\"]", "\"")]
    [InlineData("$['\"']", "\"")]
    [InlineData("$[\"'\"]", "'")]
    [InlineData("$.ünïcödé", "ünïcödé")]
    [InlineData("$._x1", "_x1")]
    public void Select_EscapesAndQuoteStyles_FindTheMember(string path, string member)
    {
        var document = new Newtonsoft.Json.Linq.JObject { [member] = 1 };

        Assert.Single(FlowStudio.Engine.Paths.JsonPath.JsonPathQuery.Parse(path).Select(document));
    }

    [Theory]
    [InlineData(@"$['\x']", 4, "invalid escape")]
    [InlineData("$[\"\\'\"]", 4, "invalid escape")]
    [InlineData(@"$['\uD800']", 4, "surrogate pair")]
    [InlineData(@"$['\uDC00']", 4, "second half")]
    [InlineData(@"$['\u12']", 4, "four hex digits")]
    [InlineData("$['a", 3, "no closing '")]
    [InlineData("$['a\nb']", 5, "must be escaped")]
    [InlineData("$.1a", 3, "cannot start with a digit")]
    [InlineData("$.&", 3, "expected a name")]
    public void Parse_BadNames_SayWhereAndWhy(string path, int position, string problem)
    {
        var error = Rfc.Error(path);

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }
}
