using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.7 Normalized Paths: the examples of Table 18 and the escaping rules.</summary>
public sealed class NormalizedPathsTests
{
    [Theory]
    [InlineData("$.a", """{"a":1}""", "$['a']")]
    [InlineData("$[1]", "[0,1]", "$[1]")]
    [InlineData("$[-3]", "[0,1,2,3,4]", "$[2]")]
    [InlineData("$.a.b[1:2]", """{"a":{"b":[0,1,2]}}""", "$['a']['b'][1]")]
    [InlineData("$[\"\\u000B\"]", "{\"\\u000b\":1}", @"$['\u000b']")]
    [InlineData("$[\"\\u0061\"]", """{"a":1}""", "$['a']")]
    public void SelectWithPaths_RfcTable18_GivesTheNormalizedPath(string path, string document, string normalized) =>
        Assert.Equal(normalized, Rfc.Paths(path, document));

    [Theory]
    [InlineData("it's", @"['it\'s']")]
    [InlineData(@"back\slash", @"['back\\slash']")]
    [InlineData("tab\there", @"['tab\there']")]
    [InlineData("\u0001\u001f", @"['\u0001\u001f']")]
    [InlineData("\b\f\n\r", @"['\b\f\n\r']")]
    [InlineData("é 𝄞 \"", "['é 𝄞 \"']")]
    public void Name_AnyMemberName_IsEscapedAsTheRfcSays(string name, string expected) =>
        Assert.Equal(expected, NormalizedPaths.Name(name));

    [Fact]
    public void Name_Written_ParsesBackToTheSameMember()
    {
        const string name = "a'b\\c\u0007d\u2028e";
        var document = new Newtonsoft.Json.Linq.JObject { [name] = 7 };

        Assert.Equal(7, (int)JsonPathQuery.Parse("$" + NormalizedPaths.Name(name)).Select(document)[0]);
    }
}
