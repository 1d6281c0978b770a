using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §1.5 (Table 3, the bookstore of Figure 1) and §2.2 (root identifier).</summary>
public sealed class JsonPathQueryTests
{
    private const string Store = """
        { "store": {
            "book": [
              { "category": "reference", "author": "Nigel Rees", "title": "Sayings of the Century", "price": 8.95 },
              { "category": "fiction", "author": "Evelyn Waugh", "title": "Sword of Honour", "price": 12.99 },
              { "category": "fiction", "author": "Herman Melville", "title": "Moby Dick", "isbn": "0-553-21311-3", "price": 8.99 },
              { "category": "fiction", "author": "J. R. R. Tolkien", "title": "The Lord of the Rings", "isbn": "0-395-19395-8", "price": 22.99 }
            ],
            "bicycle": { "color": "red", "price": 399 }
          }
        }
        """;

    private const string Authors = """["Nigel Rees","Evelyn Waugh","Herman Melville","J. R. R. Tolkien"]""";

    [Theory]
    [InlineData("$.store.book[*].author", Authors)]
    [InlineData("$..author", Authors)]
    [InlineData("$.store.*", """[[{"category":"reference","author":"Nigel Rees","title":"Sayings of the Century","price":8.95},{"category":"fiction","author":"Evelyn Waugh","title":"Sword of Honour","price":12.99},{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99},{"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}],{"color":"red","price":399}]""")]
    [InlineData("$.store..price", "[8.95,12.99,8.99,22.99,399]")]
    [InlineData("$..book[2]", """[{"category":"fiction","author":"Herman Melville","title":"Moby Dick","isbn":"0-553-21311-3","price":8.99}]""")]
    [InlineData("$..book[2].author", """["Herman Melville"]""")]
    [InlineData("$..book[2].publisher", "[]")]
    [InlineData("$..book[-1]", """[{"category":"fiction","author":"J. R. R. Tolkien","title":"The Lord of the Rings","isbn":"0-395-19395-8","price":22.99}]""")]
    [InlineData("$..book[?@.isbn].title", """["Moby Dick","The Lord of the Rings"]""")]
    [InlineData("$..book[?@.price<10].title", """["Sayings of the Century","Moby Dick"]""")]
    public void Select_BookstoreExamples_GiveTheRfcResults(string path, string expected) =>
        Assert.Equal(expected, Rfc.Values(path, Store));

    [Theory]
    [InlineData("$..book[0,1]")]
    [InlineData("$..book[:2]")]
    public void Select_FirstTwoBooks_BothWaysAgree(string path) =>
        Assert.Equal("""["Nigel Rees","Evelyn Waugh"]""", Rfc.Values(path + ".author", Store));

    [Fact]
    public void Select_AllMemberValuesAndElements_VisitsParentsBeforeChildren()
    {
        var values = JsonPathQuery.Parse("$..*").Select(JsonText.Parse(Store));

        Assert.Equal(27, values.Count);
        Assert.Equal("store", ((Newtonsoft.Json.Linq.JProperty)values[0].Parent!).Name);
    }

    [Fact]
    public void Select_Root_IsTheWholeDocument()
    {
        Assert.Equal("""[{"k":"v"}]""", Rfc.Values("$", """{"k": "v"}"""));
        Assert.Equal("$", Rfc.Paths("$", """{"k": "v"}"""));
    }

    [Fact]
    public void Select_ValuesAreTheDocumentsOwn_NotCopies()
    {
        var document = JsonText.Parse("""{"data":[{"id":1}]}""");

        Assert.Same(document["data"]![0], JsonPathQuery.Parse("$.data[0]").Select(document)[0]);
    }

    [Theory]
    [InlineData("$.data[*]")]
    [InlineData("$.results")]
    [InlineData("$..items[*]")]
    [InlineData("$[*]")]
    [InlineData("$[?(@.status=='active')]")]
    [InlineData("$.data[?(@.active == true)]")]
    public void TryParse_PathsUsersAlreadyHave_AreStillAccepted(string path) => Assert.True(JsonPathQuery.TryParse(path, out _));

    [Fact]
    public void Select_NewtonsoftStyleFilter_SelectsLikeBefore() =>
        Assert.Equal("""[{"status":"active"}]""", Rfc.Values("$[?(@.status=='active')]", """[{"status":"active"},{"status":"paused"}]"""));

    [Fact]
    public void TryParse_Null_IsFalse() => Assert.False(JsonPathQuery.TryParse(null, out _));

    [Fact]
    public void IsSingular_NamesAndIndexesOnly_IsTrue()
    {
        Assert.True(JsonPathQuery.Parse("$.a[0]['b']").IsSingular);
        Assert.False(JsonPathQuery.Parse("$.a[*]").IsSingular);
        Assert.False(JsonPathQuery.Parse("$..a").IsSingular);
    }
}
