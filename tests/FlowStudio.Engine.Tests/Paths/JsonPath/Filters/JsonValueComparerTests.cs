using FlowStudio.Engine.Paths.JsonPath;
using FlowStudio.Engine.Paths.JsonPath.Filters;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Paths.JsonPath.Filters;

/// <summary>RFC 9535 §2.3.5.2.2 comparisons: every row of Table 11, plus numbers, strings and odd values.</summary>
public sealed class JsonValueComparerTests
{
    private const string Document = """{"obj": {"x": "y"}, "arr": [2, 3]}""";

    [Theory]
    [InlineData("$.absent1 == $.absent2", true)]
    [InlineData("$.absent1 <= $.absent2", true)]
    [InlineData("$.absent == 'g'", false)]
    [InlineData("$.absent1 != $.absent2", false)]
    [InlineData("$.absent != 'g'", true)]
    [InlineData("1 <= 2", true)]
    [InlineData("1 > 2", false)]
    [InlineData("13 == '13'", false)]
    [InlineData("'a' <= 'b'", true)]
    [InlineData("'a' > 'b'", false)]
    [InlineData("$.obj == $.arr", false)]
    [InlineData("$.obj != $.arr", true)]
    [InlineData("$.obj == $.obj", true)]
    [InlineData("$.obj != $.obj", false)]
    [InlineData("$.arr == $.arr", true)]
    [InlineData("$.arr != $.arr", false)]
    [InlineData("$.obj == 17", false)]
    [InlineData("$.obj != 17", true)]
    [InlineData("$.obj <= $.arr", false)]
    [InlineData("$.obj < $.arr", false)]
    [InlineData("$.obj <= $.obj", true)]
    [InlineData("$.arr <= $.arr", true)]
    [InlineData("1 <= $.arr", false)]
    [InlineData("1 >= $.arr", false)]
    [InlineData("1 > $.arr", false)]
    [InlineData("1 < $.arr", false)]
    [InlineData("true <= true", true)]
    [InlineData("true > true", false)]
    public void Compare_RfcTable11_GivesTheRfcResult(string comparison, bool expected)
    {
        // The comparison does not depend on @, so the filter keeps every member of the root or none.
        var selected = JsonPathQuery.Parse($"$[?{comparison}]").Select(FlowStudio.Engine.Paths.JsonText.Parse(Document));

        Assert.Equal(expected ? 2 : 0, selected.Count);
    }

    [Theory]
    [InlineData("1", "1.0", true)]
    [InlineData("-0", "0", true)]
    [InlineData("1e2", "100", true)]
    [InlineData("123456789012345678901234567890", "123456789012345678901234567890", true)]
    [InlineData("9007199254740993", "9007199254740992", false)]
    [InlineData("\"a\"", "\"a\"", true)]
    [InlineData("\"a\"", "\"A\"", false)]
    [InlineData("{\"a\":[1,{\"b\":2}]}", "{\"a\":[1.0,{\"b\":2}]}", true)]
    [InlineData("[1,2]", "[2,1]", false)]
    [InlineData("null", "null", true)]
    [InlineData("false", "0", false)]
    public void Equal_JsonValues_CompareByValue(string a, string b, bool expected) =>
        Assert.Equal(expected, JsonValueComparer.Equal(FlowStudio.Engine.Paths.JsonText.Parse(a), FlowStudio.Engine.Paths.JsonText.Parse(b)));

    [Fact]
    public void Less_StringsAcrossPlanes_OrderByCodePoint()
    {
        // U+FF61 is below U+10000, though its UTF-16 unit is above the surrogates of U+10000.
        Assert.True(JsonValueComparer.Less(new JValue("\uFF61"), new JValue("\U00010000")));
        Assert.True(JsonValueComparer.Less(new JValue("ab"), new JValue("abc")));
    }

    [Fact]
    public void Less_NotANumber_IsNeverOrdered()
    {
        Assert.False(JsonValueComparer.Less(new JValue(double.NaN), new JValue(1)));
        Assert.False(JsonValueComparer.Less(new JValue(1), new JValue(double.NaN)));
        Assert.False(JsonValueComparer.Equal(new JValue(double.NaN), new JValue(double.NaN)));
    }

    [Fact]
    public void Equal_OddTokenKinds_NeverThrow()
    {
        Assert.True(JsonValueComparer.Equal(new JValue(new Guid("00000000-0000-0000-0000-000000000001")), new JValue("00000000-0000-0000-0000-000000000001")));
        Assert.False(JsonValueComparer.Equal(new JValue(DateTime.UnixEpoch), new JValue(1)));
        Assert.False(JsonValueComparer.Less(new JRaw("1"), new JValue(2)));
    }

    [Fact]
    public void Equal_VeryDeepValues_DoNotOverflowTheStack()
    {
        JToken Deep()
        {
            var root = new JArray();
            var at = root;
            for (var i = 0; i < 100_000; i++)
            {
                var inner = new JArray();
                at.Add(inner);
                at = inner;
            }

            return root;
        }

        Assert.True(JsonValueComparer.Equal(Deep(), Deep()));
    }
}
