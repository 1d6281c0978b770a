namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.3.3 index selector: Table 7 and the integer range ±(2^53-1).</summary>
public sealed class IndexSelectorTests
{
    [Theory]
    [InlineData("$[1]", """["b"]""", "$[1]")]
    [InlineData("$[-2]", """["a"]""", "$[0]")]
    public void Select_RfcTable7_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, """["a","b"]"""));
        Assert.Equal(paths, Rfc.Paths(path, """["a","b"]"""));
    }

    [Theory]
    [InlineData("$[2]")]
    [InlineData("$[-3]")]
    [InlineData("$[9007199254740991]")]
    [InlineData("$[-9007199254740991]")]
    [InlineData("$[-99999999999]")]
    public void Select_OutOfTheArray_GivesNothing(string path) => Assert.Equal("[]", Rfc.Values(path, """["a","b"]"""));

    [Fact]
    public void Select_IndexOnAnObject_GivesNothing() => Assert.Equal("[]", Rfc.Values("$[0]", """{"0":1}"""));

    [Theory]
    [InlineData("$[9007199254740992]", 3, "out of range")]
    [InlineData("$[-9007199254740992]", 3, "out of range")]
    [InlineData("$[99999999999999999999999]", 3, "out of range")]
    [InlineData("$[01]", 3, "leading zeros")]
    [InlineData("$[-0]", 3, "-0")]
    [InlineData("$[- 1]", 4, "expected a digit")]
    public void Parse_BadIndexes_AreRejectedAtTheIndex(string path, int position, string problem)
    {
        var error = Rfc.Error(path);

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_IndexNotClosed_ExpectsABracket()
    {
        var error = Rfc.Error("$[1 x");

        Assert.Equal("Position 5: expected ']' after the index, not 'x' (selectors are separated by ',')", error.Message);
    }
}
