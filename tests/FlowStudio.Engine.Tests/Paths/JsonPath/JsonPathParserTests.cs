using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>The parser's limits: path length and nesting are errors with a position, never a crash.</summary>
public sealed class JsonPathParserTests
{
    [Fact]
    public void Parse_PathOverTheLengthLimit_IsRejected()
    {
        var error = Rfc.Error("$" + string.Concat(Enumerable.Repeat(".a", JsonPathQuery.MaxLength / 2)));

        Assert.Equal(JsonPathQuery.MaxLength + 1, error.Position);
        Assert.Contains("longer than 4,096 characters", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PathAtTheLengthLimit_IsAccepted() =>
        Assert.True(JsonPathQuery.TryParse("$" + string.Concat(Enumerable.Repeat(".a", (JsonPathQuery.MaxLength - 1) / 2)), out _));

    [Theory]
    [InlineData(65, false)]
    [InlineData(2000, false)]
    [InlineData(60, true)]
    public void Parse_DeeplyNestedParentheses_StopAtTheNestingLimit(int depth, bool accepted)
    {
        var path = "$[?" + new string('(', depth) + "@" + new string(')', depth) + "]";

        if (accepted)
        {
            Assert.True(JsonPathQuery.TryParse(path, out _));
        }
        else
        {
            Assert.Contains("more than 64 levels deep", Rfc.Error(path).Problem, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Parse_DeeplyNestedFilters_StopAtTheNestingLimit()
    {
        var path = "$" + string.Concat(Enumerable.Repeat("[?@", 1000)) + string.Concat(Enumerable.Repeat("]", 1000));

        Assert.Contains("levels deep", Rfc.Error(path).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_DeeplyNestedFunctionCalls_StopAtTheNestingLimit()
    {
        var path = "$[?" + string.Concat(Enumerable.Repeat("length(", 500)) + "@" + new string(')', 500) + " > 0]";

        Assert.Contains("levels deep", Rfc.Error(path).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Message_NamesPositionAndProblem()
    {
        var error = Rfc.Error("$[?@.a==");

        Assert.Equal("Position 9: expected a value, a query (@ or $) or a function", error.Message);
    }
}
