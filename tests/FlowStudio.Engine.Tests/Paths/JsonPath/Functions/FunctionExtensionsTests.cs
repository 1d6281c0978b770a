using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Tests.Paths.JsonPath.Functions;

/// <summary>RFC 9535 §2.4: the examples of length, count, match, search and value, and the well-typedness of Table 14.</summary>
public sealed class FunctionExtensionsTests
{
    private const string Documents = """
        [
          {"authors": ["a","b","c","d","e"], "date": "1974-05-11", "author": "Bob", "color": "red", "timezone": "Europe/Paris"},
          {"authors": ["a"], "date": "1974-06-11", "author": "Rob"},
          {"authors": "abcdef", "date": "1974-05-1", "author": "Bobby", "n": {"color": "red"}},
          {"x": {"author": 1}, "y": {"author": 2}, "z": {"author": 3}, "w": {"author": 4}, "v": {"author": 5}}
        ]
        """;

    [Theory]
    [InlineData("$[?length(@.authors) >= 5]", 0, 2)]
    [InlineData("$[?count(@.*.author) >= 5]", 3)]
    [InlineData("$[?match(@.date, \"1974-05-..\")]", 0)]
    [InlineData("$[?search(@.author, \"[BR]ob\")]", 0, 1, 2)]
    [InlineData("$[?value(@..color) == \"red\"]", 0, 2)]
    public void Select_RfcFunctionExamples_PickTheRightRecords(string path, params int[] indexes)
    {
        var selected = Rfc.Paths(path, Documents);

        Assert.Equal(string.Join(" ", indexes.Select(i => $"$[{i}]")), selected);
    }

    [Theory]
    [InlineData("$[?length(@) < 3]")]
    [InlineData("$[?count(@.*) == 1]")]
    [InlineData("$[?match(@.timezone, 'Europe/.*')]")]
    [InlineData("$[?value(@..color) == \"red\"]")]
    [InlineData("$[?length(value(@.*)) > 0]")]
    [InlineData("$[?match(@.a, 'x') || search(@.b, 'y')]")]
    [InlineData("$[?!match(@.a, 'x')]")]
    [InlineData("$[?count(@.*) == length(@)]")]
    public void Parse_WellTypedRfcExamples_AreAccepted(string path) => Assert.True(JsonPathQuery.TryParse(path, out _));

    [Theory]
    [InlineData("$[?length(@.*) < 3]", 11, "must be a single value")]
    [InlineData("$[?count(1) == 1]", 10, "must be a query")]
    [InlineData("$[?match(@.timezone, 'Europe/.*') == true]", 4, "cannot be compared")]
    [InlineData("$[?value(@..color)]", 4, "cannot stand alone as a test")]
    [InlineData("$[?length(@.a)]", 4, "cannot stand alone as a test")]
    [InlineData("$[?count((@.a)) == 1]", 10, "must be a query")]
    [InlineData("$[?length(1 == 1) == 1]", 11, "must be a single value")]
    [InlineData("$[?foo(@.a)]", 4, "unknown function 'foo()'")]
    [InlineData("$[?length(@.a, @.b) == 1]", 4, "takes 1 argument")]
    [InlineData("$[?count (@.*) == 1]", 10, "no space is allowed")]
    [InlineData("$[?Length(@) == 1]", 4, "expected a value")]
    public void Parse_IllTypedOrUnknownCalls_AreRejectedWithTheReason(string path, int position, string problem)
    {
        var error = Rfc.Error(path);

        Assert.Equal(position, error.Position);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("$[?length(@) == 2]", """["ab","𝄞𝄞",[1,2],{"a":1,"b":2}]""")]
    [InlineData("$[?length(@) == 1]", """["𝄞"]""")]
    public void Length_CountsCharactersElementsAndMembers(string path, string expected) =>
        Assert.Equal(expected, Rfc.Values(path, """["ab","𝄞𝄞","𝄞",[1,2],{"a":1,"b":2},2,true,null]"""));

    [Fact]
    public void Value_SeveralNodes_IsNothing() =>
        Assert.Equal("[[1]]", Rfc.Values("$[?value(@.*) == 1]", "[[1],[1,1],[2]]"));
}
