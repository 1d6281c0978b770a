using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Tests.Sources;

public sealed class PathSuggesterTests
{
    [Fact]
    public void Suggest_ClientSuccessEnvelope_PutsDataFirst()
    {
        const string body = """
            {"data":[{"id":1,"reasonCodes":[{"id":5}]},{"id":2,"reasonCodes":[]}],"first":true,"last":true,"page":0,"size":100,
             "totalPages":1,"totalElements":2}
            """;

        var suggestions = PathSuggester.Suggest(body);

        Assert.Equal("$.data[*]", suggestions[0]);
        Assert.Contains("$.data[*].reasonCodes[*]", suggestions);
    }

    [Fact]
    public void Suggest_TopLevelArray_SuggestsDollar()
    {
        var suggestions = PathSuggester.Suggest("""[{"id":1},{"id":2}]""");

        Assert.Equal("$", suggestions[0]);
    }

    [Fact]
    public void Suggest_SeveralArrays_BiggerFirst()
    {
        var suggestions = PathSuggester.Suggest("""{"actors":[{"a":1}],"items":[{"b":1},{"b":2},{"b":3}],"nextLink":null}""");

        Assert.Equal(["$.items[*]", "$.actors[*]"], suggestions.Take(2));
    }

    [Fact]
    public void Suggest_ArraysOfPlainValues_AreNotSuggested() =>
        Assert.DoesNotContain("$.ids[*]", PathSuggester.Suggest("""{"ids":[1,2,3],"rows":[{"x":1}]}"""));

    [Fact]
    public void Suggest_OddPropertyNames_UseBracketNotation() =>
        Assert.Contains("$['the items'][*]", PathSuggester.Suggest("""{"the items":[{"x":1}]}"""));

    [Fact]
    public void Suggest_Xml_SuggestsRepeatedElementsFirst()
    {
        const string xml = "<response><meta><total>2</total></meta><data><item><id>1</id></item><item><id>2</id></item></data></response>";

        var suggestions = PathSuggester.Suggest(xml);

        Assert.Equal("/response/data/item", suggestions[0]);
    }

    [Fact]
    public void Suggest_NotJsonOrXml_GivesNothing() => Assert.Empty(PathSuggester.Suggest("Update successful"));

    [Fact]
    public void Suggest_AnyPropertyNames_GivesValidRfc9535Paths()
    {
        const string body = """{"the items":[{"x":1}],"it's":[{"x":1}],"tab\there":[{"x":1}],"naïve":[{"x":1}],"a\\b":[{"x":1}]}""";

        var suggestions = PathSuggester.Suggest(body);

        Assert.Contains("$['it\\'s'][*]", suggestions);
        Assert.Contains("$['tab\\there'][*]", suggestions);
        Assert.All(suggestions, s => Assert.Single(FlowStudio.Engine.Paths.JsonPath.JsonPathQuery.Parse(s).Select(FlowStudio.Engine.Paths.JsonText.Parse(body))));
    }
}
