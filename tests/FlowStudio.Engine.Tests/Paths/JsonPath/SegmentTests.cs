namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.5 segments: child segments, and the descendant segment examples of Table 16.</summary>
public sealed class SegmentTests
{
    private const string Document = """{ "o": {"j": 1, "k": 2}, "a": [5, 3, [{"j": 4}, {"k": 6}]] }""";

    private const string Everything = """[{"j":1,"k":2},[5,3,[{"j":4},{"k":6}]],1,2,5,3,[{"j":4},{"k":6}],{"j":4},{"k":6},4,6]""";

    private const string EverythingPaths =
        "$['o'] $['a'] $['o']['j'] $['o']['k'] $['a'][0] $['a'][1] $['a'][2] $['a'][2][0] $['a'][2][1] $['a'][2][0]['j'] $['a'][2][1]['k']";

    [Theory]
    [InlineData("$..j", "[1,4]", "$['o']['j'] $['a'][2][0]['j']")]
    [InlineData("$..[0]", """[5,{"j":4}]""", "$['a'][0] $['a'][2][0]")]
    [InlineData("$..[*]", Everything, EverythingPaths)]
    [InlineData("$..*", Everything, EverythingPaths)]
    [InlineData("$..o", """[{"j":1,"k":2}]""", "$['o']")]
    [InlineData("$.a..[0, 1]", """[5,3,{"j":4},{"k":6}]""", "$['a'][0] $['a'][1] $['a'][2][0] $['a'][2][1]")]
    public void Select_RfcTable16_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, Document));
        Assert.Equal(paths, Rfc.Paths(path, Document));
    }

    [Fact]
    public void Select_DescendantsWithTwoWildcards_GiveEachMemberTwice() =>
        Assert.Equal(["1", "1", "2", "2"], Rfc.Values("$.o..[*, *]", Document).Trim('[', ']').Split(',').Order());

    [Fact]
    public void Select_VeryDeepDocument_DoesNotOverflowTheStack()
    {
        var root = new Newtonsoft.Json.Linq.JArray();
        var at = root;
        for (var i = 0; i < 100_000; i++)
        {
            var inner = new Newtonsoft.Json.Linq.JArray();
            at.Add(inner);
            at = inner;
        }

        at.Add(42);

        Assert.Single(FlowStudio.Engine.Paths.JsonPath.JsonPathQuery.Parse("$..[?@ == 42]").Select(root));
    }

    [Theory]
    [InlineData("$..", "expected a name, '*' or '['")]
    [InlineData("$.. a", "expected a name, '*' or '['")]
    [InlineData("$. a", "expected a name or '*'")]
    [InlineData("$ ", "cannot end with whitespace")]
    [InlineData(" $", "starts with '$'")]
    [InlineData("", "empty")]
    [InlineData("$a", "unexpected 'a'")]
    [InlineData("$[]", "empty brackets")]
    [InlineData("$[0 2]", "expected ']' after the index")]
    public void Parse_BadSegments_SayWhy(string path, string problem) =>
        Assert.Contains(problem, Rfc.Error(path).Problem, StringComparison.Ordinal);

    [Theory]
    [InlineData("$ .a")]
    [InlineData("$\n['a']\t['b']")]
    [InlineData("$[ 'a' , 'b' ]")]
    [InlineData("$[?@.a\r\n&& @.b]")]
    public void Parse_BlanksWhereTheGrammarAllowsThem_AreAccepted(string path) =>
        Assert.True(FlowStudio.Engine.Paths.JsonPath.JsonPathQuery.TryParse(path, out _));
}
