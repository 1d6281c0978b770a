namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.3.5 filter selector: Table 12, existence tests and logical operators.</summary>
public sealed class FilterSelectorTests
{
    private const string Document = """
        {
          "a": [3, 5, 1, 2, 4, 6, {"b": "j"}, {"b": "k"}, {"b": {}}, {"b": "kilo"}],
          "o": {"p": 1, "q": 2, "r": 3, "s": 5, "t": {"u": 6}},
          "e": "f"
        }
        """;

    [Theory]
    [InlineData("$.a[?@.b == 'kilo']", """[{"b":"kilo"}]""", "$['a'][9]")]
    [InlineData("$.a[?(@.b == 'kilo')]", """[{"b":"kilo"}]""", "$['a'][9]")]
    [InlineData("$.a[?@>3.5]", "[5,4,6]", "$['a'][1] $['a'][4] $['a'][5]")]
    [InlineData("$.a[?@.b]", """[{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]""", "$['a'][6] $['a'][7] $['a'][8] $['a'][9]")]
    [InlineData("$[?@[?@.b]]", """[[3,5,1,2,4,6,{"b":"j"},{"b":"k"},{"b":{}},{"b":"kilo"}]]""", "$['a']")]
    [InlineData("$.a[?@<2 || @.b == \"k\"]", """[1,{"b":"k"}]""", "$['a'][2] $['a'][7]")]
    [InlineData("$.a[?match(@.b, \"[jk]\")]", """[{"b":"j"},{"b":"k"}]""", "$['a'][6] $['a'][7]")]
    [InlineData("$.a[?search(@.b, \"[jk]\")]", """[{"b":"j"},{"b":"k"},{"b":"kilo"}]""", "$['a'][6] $['a'][7] $['a'][9]")]
    [InlineData("$.o[?@>1 && @<4]", "[2,3]", "$['o']['q'] $['o']['r']")]
    [InlineData("$.o[?@.u || @.x]", """[{"u":6}]""", "$['o']['t']")]
    [InlineData("$.a[?@.b == $.x]", "[3,5,1,2,4,6]", "$['a'][0] $['a'][1] $['a'][2] $['a'][3] $['a'][4] $['a'][5]")]
    public void Select_RfcTable12_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, Document));
        Assert.Equal(paths, Rfc.Paths(path, Document));
    }

    [Fact]
    public void Select_NonEmptyStructuredValues_AreTheOnesWithChildren() =>
        Assert.Equal("$['a'] $['o']", Rfc.Paths("$[?@.*]", Document));

    [Fact]
    public void Select_EveryValueEqualsItself() => Assert.Equal(10, Rfc.Paths("$.a[?@ == @]", Document).Split(' ').Length);

    [Fact]
    public void Select_TwoFiltersInOneBracket_GiveEachMatchOncePerFilter() =>
        Assert.Equal(["1", "1", "2", "2"], Rfc.Values("$.o[?@<3, ?@<3]", Document).Trim('[', ']').Split(',').Order());

    [Theory]
    [InlineData("$[?@.a == 'b']", """[{"a":"b"}]""")]
    [InlineData("$[?!@.a]", """[{"c":1}]""")]
    [InlineData("$[?!(@.a == 'b')]", """[{"a":null},{"c":1}]""")]
    [InlineData("$[?@.a]", """[{"a":"b"},{"a":null}]""")]
    [InlineData("$[?@.a == null]", """[{"a":null}]""")]
    [InlineData("$[?@.a != 'b' && @.c]", """[{"c":1}]""")]
    public void Select_LogicalOperators_FollowTheRfc(string path, string values) =>
        Assert.Equal(values, Rfc.Values(path, """[{"a":"b"},{"a":null},{"c":1}]"""));

    [Theory]
    [InlineData("$[?@.n > 'x']", """[{"n":"y"}]""")]
    [InlineData("$[?@.n < true]", "[]")]
    [InlineData("$[?@.n == 1]", """[{"n":1}]""")]
    [InlineData("$[?@.n >= null]", """[{"n":null}]""")]
    public void Select_ComparingAcrossKinds_IsFalseNotAnError(string path, string values) =>
        Assert.Equal(values, Rfc.Values(path, """[{"n":1},{"n":"y"},{"n":[1]},{"n":{"a":1}},{"n":null},{"m":1}]"""));

    [Theory]
    [InlineData("$[?@.a==", 9, "expected a value")]
    [InlineData("$[?@.a=='b'", 12, "expected ']' to close the '[' at position 2")]
    [InlineData("$..[?(@.a==", 12, "expected a value")]
    [InlineData("$[?(@.a=='b']", 13, "expected ')' to close the '(' at position 4")]
    [InlineData("$[?@.a = 1]", 8, "use '=='")]
    [InlineData("$[?'abc']", 4, "a literal alone is not a test")]
    [InlineData("$[?@.* == 1]", 4, "singular query")]
    [InlineData("$[?!@.a == 1]", 9, "'!' cannot negate a comparison")]
    [InlineData("$[?@.a =~ /x/]", 8, "use '=='")]
    public void Parse_BadFilters_SayWhereAndWhy(string path, int position, string problem)
    {
        var error = Rfc.Error(path);

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }
}
