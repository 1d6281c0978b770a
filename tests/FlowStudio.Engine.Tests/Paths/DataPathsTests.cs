using FlowStudio.Engine.Paths;

namespace FlowStudio.Engine.Tests.Paths;

public sealed class DataPathsTests
{
    [Theory]
    [InlineData("$..[?(@.a==", "\"$..[?(@.a==\" is not a valid JSONPath: position 12: expected a value, a query (@ or $) or a function")]
    [InlineData("$[?@.a=='b'", "\"$[?@.a=='b'\" is not a valid JSONPath: position 12: expected ']' to close the '[' at position 2")]
    [InlineData("$[?@.a==", "\"$[?@.a==\" is not a valid JSONPath: position 9: expected a value, a query (@ or $) or a function")]
    [InlineData("$[-99999999999999999]", "\"$[-99999999999999999]\" is not a valid JSONPath: position 3: the index -99999999999999999 is out of range")]
    [InlineData("$[1:99999999999999999999]", "\"$[1:99999999999999999999]\" is not a valid JSONPath: position 5: the slice end")]
    [InlineData("$.data[?@.n > 'x' &&]", "\"$.data[?@.n > 'x' &&]\" is not a valid JSONPath: position 21:")]
    public void Problem_BadJsonPath_NamesThePositionWithoutThrowing(string path, string expected) =>
        Assert.StartsWith(expected, DataPaths.Problem(path), StringComparison.Ordinal);

    [Theory]
    [InlineData("$[-1]")]
    [InlineData("$[-99999999999]")]
    [InlineData("$[\"data\"][*]")]
    [InlineData("$.data[?@.status=='active']")]
    [InlineData("$.data[?(@.status=='active')]")]
    [InlineData("$[1,5:7]")]
    [InlineData("$.data[?length(@.tags) > 0 && match(@.email, '.*@example[.]com')]")]
    [InlineData("  $.data[*]  ")]
    public void Problem_Rfc9535Paths_HaveNone(string path) => Assert.Null(DataPaths.Problem(path));

    [Fact]
    public void Problem_Everything_NeverThrows()
    {
        string[] hostile = ["$[", "$[?", "$[?(", "$['", "$[\"\\u", "$[?@<", "$[?match(", "$" + new string('[', 5000), "$[?" + new string('!', 100) + "@]"];

        Assert.All(hostile, path => Assert.NotNull(DataPaths.Problem(path)));
    }
}
