using System.Text.Json.Nodes;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Paths;

public sealed class JsonTextTests
{
    [Theory]
    [InlineData("1.10")]
    [InlineData("2.50")]
    [InlineData("0.000001")]
    [InlineData("-0.0")]
    [InlineData("100")]
    [InlineData("3.141592653589793238462643383")]
    [InlineData("12345678901234567890.5")]
    [InlineData("12345678901234567890123")]
    [InlineData("-12345678901234567890123")]
    public void Parse_Number_WritesBackTheSameText(string number)
    {
        var json = $$"""{"n":{{number}},"list":[{{number}},{"n":{{number}}}]}""";

        Assert.Equal(json, JsonText.Parse(json).ToString(Formatting.None));
    }

    [Theory]
    [InlineData("1e5", 100000d)]
    [InlineData("1.5E-30", 1.5e-30)]
    [InlineData("0.12345678901234567890123456789012", 0.12345678901234568)]
    public void Parse_ExponentOrMoreDigitsThanADecimal_ReadsTheValue(string number, double expected)
    {
        var value = JsonText.Parse($$"""{"n":{{number}}}""")["n"]!;

        Assert.Equal(JTokenType.Float, value.Type);
        Assert.Equal(expected, value.Value<double>());
    }

    [Fact]
    public void Parse_DateLikeString_StaysTheStringAsSent()
    {
        const string Json = """{"at":"2024-01-01T00:00:00.000+02:00","day":"2024-01-01"}""";

        var parsed = JsonText.Parse(Json);

        Assert.Equal(JTokenType.String, parsed["at"]!.Type);
        Assert.Equal(Json, parsed.ToString(Formatting.None));
    }

    [Fact]
    public void Parse_NumbersKeptAsText_StillCompareByValueInFilters()
    {
        var document = JsonText.Parse("""[{"price":1.10},{"price":1.2},{"price":12345678901234567890123}]""");

        Assert.Single(JsonPathQuery.Parse("$[?@.price == 1.1]").Select(document));
        Assert.Equal(2, JsonPathQuery.Parse("$[?@.price < 2]").Select(document).Count);
        Assert.Single(JsonPathQuery.Parse("$[?@.price > 1.15 && @.price < 1.25]").Select(document));
    }

    [Theory]
    [InlineData("{'a':1}", """{"a":1}""")]
    [InlineData("[1,]", "[1]")]
    [InlineData("[1] // a comment", "[1]")]
    [InlineData("{\"a\":1,\"b\":2,\"a\":3}", """{"a":3,"b":2}""")]
    public void Parse_JsonNewtonsoftAccepts_IsReadAsBefore(string json, string expected) =>
        Assert.Equal(expected, JsonText.Parse(json).ToString(Formatting.None));

    [Theory]
    [InlineData("")]
    [InlineData("{\"a\": ")]
    [InlineData("[1] x")]
    [InlineData("{\"a\":1}}")]
    public void Parse_InvalidJson_ThrowsTheReadersError(string json) =>
        Assert.ThrowsAny<JsonReaderException>(() => JsonText.Parse(json));

    [Fact]
    public void Parse_NestedPastMaxDepth_Throws()
    {
        var deepest = new string('[', JsonText.MaxDepth) + new string(']', JsonText.MaxDepth);
        var deeper = "[" + deepest + "]";

        Assert.Equal(JTokenType.Array, JsonText.Parse(deepest).Type);
        Assert.Contains("MaxDepth", Assert.ThrowsAny<JsonReaderException>(() => JsonText.Parse(deeper)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"a":[],"b":{},"c":[1,{"x":"é ☕ 😀 <b> & 'q'"}],"d":null,"e":true,"f":false}""")]
    [InlineData("""{"escapes":"\u0001\u001f\t\n\r\b\f\"\\/\u007f\u0085\u2028\u2029","big":-12345678901234567890123}""")]
    [InlineData("""[[[]],[{}],"x",0]""")]
    [InlineData("\"just text\"")]
    public void IndentedAndCompact_WithoutFractions_AreNewtonsoftsText(string json)
    {
        var node = JsonText.ToNode(json);
        var token = JToken.Parse(json);

        Assert.Equal(token.ToString(Formatting.Indented), JsonText.Indented(node));
        Assert.Equal(token.ToString(Formatting.None), JsonText.Compact(node));
    }

    [Fact]
    public void Indented_NumbersAndDates_KeepTheirText()
    {
        var node = JsonText.ToNode("""{"price":1.10,"when":"2024-01-01T00:00:00.000Z","tiny":0.000001}""");

        Assert.Equal("{\n  \"price\": 1.10,\n  \"when\": \"2024-01-01T00:00:00.000Z\",\n  \"tiny\": 0.000001\n}", JsonText.Indented(node));
    }

    [Fact]
    public void Indented_NodeBuiltInCode_IsWritten()
    {
        var node = new JsonObject { ["n"] = 5, ["s"] = "x", ["list"] = new JsonArray(1.5, null, true) };

        Assert.Equal("""{"n":5,"s":"x","list":[1.5,null,true]}""", JsonText.Compact(node));
    }

    [Fact]
    public void IndentedItems_LeavesTheNodesWhereTheyAre()
    {
        List<JsonObject> records = [JsonText.ToObject("""{"id":1}"""), JsonText.ToObject("""{"id":2}""")];

        var first = JsonText.Indented(records);
        var again = JsonText.Indented(records);

        Assert.Equal("[\n  {\n    \"id\": 1\n  },\n  {\n    \"id\": 2\n  }\n]", first);
        Assert.Equal(first, again);
        Assert.All(records, r => Assert.Null(r.Parent));
    }

    [Fact]
    public void Check_InvalidJson_GivesTheLineAndPosition()
    {
        var error = Assert.Throws<InvalidJsonException>(() => JsonText.Check("{\n  \"a\": x\n}"));

        Assert.Equal(2, error.LineNumber);
        Assert.True(error.LinePosition > 0);
    }

    [Fact]
    public void Check_Empty_HasNoLine()
    {
        var error = Assert.Throws<InvalidJsonException>(() => JsonText.Check(""));

        Assert.Equal(0, error.LineNumber);
    }

    [Fact]
    public void Check_ValidJson_Passes() => JsonText.Check("""{"a":[1,2.50,"x"]}""");
}
