namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.3.2 wildcard selector: Table 6.</summary>
public sealed class WildcardSelectorTests
{
    private const string Document = """{ "o": {"j": 1, "k": 2}, "a": [5, 3] }""";

    [Theory]
    [InlineData("$[*]", """[{"j":1,"k":2},[5,3]]""", "$['o'] $['a']")]
    [InlineData("$.o[*]", "[1,2]", "$['o']['j'] $['o']['k']")]
    [InlineData("$.a[*]", "[5,3]", "$['a'][0] $['a'][1]")]
    public void Select_RfcTable6_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, Document));
        Assert.Equal(paths, Rfc.Paths(path, Document));
    }

    [Fact]
    public void Select_TwoWildcards_GiveEveryMemberTwice() =>
        Assert.Equal(["1", "1", "2", "2"], Rfc.Values("$.o[*, *]", Document).Trim('[', ']').Split(',').Order());

    [Theory]
    [InlineData("$.*")]
    [InlineData("$[*]")]
    public void Select_WildcardOnAnArray_GivesItsElements(string path) =>
        Assert.Equal("[1,2]", Rfc.Values(path, "[1,2]"));

    [Fact]
    public void Select_WildcardOnAPrimitive_GivesNothing() => Assert.Equal("[]", Rfc.Values("$.*", "42"));
}
