using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>Every case of the public JSONPath Compliance Test Suite (RFC 9535), one test each.</summary>
public sealed class ComplianceSuiteTests
{
    public static TheoryData<string> Names => [.. ComplianceSuite.ByName.Keys];

    [Theory]
    [MemberData(nameof(Names))]
    public void Case_FromTheSuite_BehavesAsTheRfcSays(string name)
    {
        var test = ComplianceSuite.ByName[name];
        var selector = (string)test["selector"]!;
        if (test["invalid_selector"]?.Value<bool>() == true)
        {
            Assert.False(JsonPathQuery.TryParse(selector, out _), $"accepted an invalid selector: {selector}");
            return;
        }

        var actual = new JArray(JsonPathQuery.Parse(selector).Select(test["document"]!).Select(t => t.DeepClone()));
        var alternatives = test["result"] is { } result ? [result] : ((JArray)test["results"]!).ToList();
        Assert.True(alternatives.Any(expected => JToken.DeepEquals(expected, actual)),
            $"{selector} gave {actual.ToString(Newtonsoft.Json.Formatting.None)}, expected {string.Join(" or ", alternatives.Select(a => a.ToString(Newtonsoft.Json.Formatting.None)))}");
    }

    [Fact]
    public void Suite_Loaded_HasEveryCase() => Assert.Equal(673, ComplianceSuite.ByName.Count);
}
