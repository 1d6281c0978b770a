namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.3.4 array slice selector: Table 9 and the bounds of §2.3.4.2.2.</summary>
public sealed class SliceSelectorTests
{
    private const string Letters = """["a", "b", "c", "d", "e", "f", "g"]""";

    [Theory]
    [InlineData("$[1:3]", """["b","c"]""", "$[1] $[2]")]
    [InlineData("$[5:]", """["f","g"]""", "$[5] $[6]")]
    [InlineData("$[1:5:2]", """["b","d"]""", "$[1] $[3]")]
    [InlineData("$[5:1:-2]", """["f","d"]""", "$[5] $[3]")]
    [InlineData("$[::-1]", """["g","f","e","d","c","b","a"]""", "$[6] $[5] $[4] $[3] $[2] $[1] $[0]")]
    public void Select_RfcTable9_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, Letters));
        Assert.Equal(paths, Rfc.Paths(path, Letters));
    }

    [Theory]
    [InlineData("$[1:2:0]", "[]")]
    [InlineData("$[-9007199254740991:9007199254740991]", """["a","b","c","d","e","f","g"]""")]
    [InlineData("$[9007199254740991:-9007199254740991:-1]", """["g","f","e","d","c","b","a"]""")]
    [InlineData("$[1:10:9007199254740991]", """["b"]""")]
    [InlineData("$[:]", """["a","b","c","d","e","f","g"]""")]
    public void Select_ExtremeBoundsAndSteps_NeverThrow(string path, string values) => Assert.Equal(values, Rfc.Values(path, Letters));

    [Fact]
    public void Select_SliceOnAnObject_GivesNothing() => Assert.Equal("[]", Rfc.Values("$[0:2]", """{"a":1}"""));

    [Fact]
    public void Select_UnionOfIndexAndSlice_KeepsSelectorOrder() => Assert.Equal("""["b","f","g"]""", Rfc.Values("$[1,5:7]", Letters));
}
