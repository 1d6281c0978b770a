using FlowStudio.Engine.Paths;

namespace FlowStudio.Engine.Tests.Paths;

public sealed class ResponseExtractorTests
{
    private const string Envelope = """
        {"data":[{"id":1,"active":true,"modifiedTime":"2024-01-01T00:00:00.000Z"},{"id":2,"active":false},{"id":3,"active":true}],
         "first":true,"last":false,"page":0,"size":3,"totalPages":4,"totalElements":10}
        """;

    [Fact]
    public void Extract_WildcardOverArray_GivesOneRecordPerElement()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data[*]", null);

        Assert.Equal(["1", "2", "3"], page.Records.Select(r => r.FieldText("id")));
    }

    [Fact]
    public void Extract_PathSelectingTheArray_GivesItsElements()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data", null);

        Assert.Equal(3, page.Records.Count);
    }

    [Fact]
    public void Extract_PathSelectingAnObject_GivesOneRecord()
    {
        var page = ResponseExtractor.Extract("""{"client":{"id":9,"name":"Acme"}}""", "$.client", null);

        Assert.Equal("Acme", Assert.Single(page.Records).FieldText("name"));
    }

    [Fact]
    public void Extract_Filter_KeepsMatchingRecords()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data[?(@.active == true)]", null);

        Assert.Equal(["1", "3"], page.Records.Select(r => r.FieldText("id")));
    }

    [Fact]
    public void Extract_NoPathOnTopLevelArray_GivesItsElements()
    {
        var page = ResponseExtractor.Extract("""[{"id":"a"},{"id":"b"}]""", null, null);

        Assert.Equal(["a", "b"], page.Records.Select(r => r.FieldText("id")));
    }

    [Fact]
    public void Extract_ArrayOfPlainValues_WrapsEachAsValue()
    {
        var page = ResponseExtractor.Extract("""{"ids":[5, [[6, 7]]]}""", "$.ids[*]", null);

        Assert.Equal(["""{"value":5}""", """{"value":[6,7]}"""], page.Records.Select(r => r.Json));
    }

    [Fact]
    public void Extract_DateStrings_StayAsWritten()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data[*]", null);

        Assert.Equal("""{"id":1,"active":true,"modifiedTime":"2024-01-01T00:00:00.000Z"}""", page.Records[0].Json);
    }

    [Fact]
    public void Extract_MetadataPath_IsMergedIntoEveryRecord()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data[*]", "$.totalElements");

        Assert.Equal("10", page.Metadata);
        Assert.All(page.Records, r => Assert.Equal("10", r.FieldText("_metadata")));
        Assert.Equal("""{"id":2,"active":false,"_metadata":10}""", page.Records[1].Json);
    }

    [Fact]
    public void Extract_MetadataPathSelectingSeveralValues_MergesThemAsAnArray()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data[*]", "$['page','totalPages']");

        Assert.Equal("[0,4]", page.Records[0].FieldText("_metadata"));
    }

    [Fact]
    public void Extract_NothingMatches_GivesNoRecords() =>
        Assert.Empty(ResponseExtractor.Extract(Envelope, "$.items[*]", null).Records);

    [Fact]
    public void Extract_XmlWithXPath_ConvertsElementsToObjects()
    {
        const string xml = """
            <response><total>2</total><data>
              <item id="1"><name>Acme</name><tags><tag>a</tag><tag>b</tag></tags></item>
              <item id="2"><name>Globex</name><tags><tag>c</tag></tags></item>
            </data></response>
            """;

        var page = ResponseExtractor.Extract(xml, "/response/data/item", "/response/total");

        Assert.Equal(2, page.Records.Count);
        Assert.Equal("1", page.Records[0].FieldText("id"));
        Assert.Equal("Acme", page.Records[0].FieldText("name"));
        Assert.Equal("""["a","b"]""", page.Records[0].FieldText("tags.tag"));
        Assert.Equal("c", page.Records[1].FieldText("tags.tag"));
        Assert.Equal("2", page.Records[0].FieldText("_metadata.total"));
    }

    [Fact]
    public void Extract_JsonPathOnXml_ExplainsTheMismatch()
    {
        var error = Assert.Throws<DataPathException>(() => ResponseExtractor.Extract("<a><b/></a>", "$.a", null));

        Assert.Equal("dataPath", error.Field);
        Assert.Contains("XPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_XPathOnJson_ExplainsTheMismatch()
    {
        var error = Assert.Throws<DataPathException>(() => ResponseExtractor.Extract(Envelope, "$.data[*]", "/response/total"));

        Assert.Equal("metadataPath", error.Field);
    }

    [Fact]
    public void Extract_HtmlMaintenancePage_IsAFormatError() =>
        Assert.Throws<ResponseFormatException>(() => ResponseExtractor.Extract("<html><body><h1>System Maintenance</h1><br></body></html>", "$.data[*]", null));

    [Fact]
    public void Extract_PlainText_IsAFormatError() =>
        Assert.Throws<ResponseFormatException>(() => ResponseExtractor.Extract("Update successful", null, null));

    [Theory]
    [InlineData("$.data[*]")]
    [InlineData("$.data[?(@.active == true)]")]
    [InlineData("$..id")]
    [InlineData("/response/data/item")]
    [InlineData("//item[@id='1']")]
    [InlineData(null)]
    [InlineData("")]
    public void Problem_ValidPaths_HaveNone(string? path) => Assert.Null(DataPaths.Problem(path));

    [Theory]
    [InlineData("$.data[*", "JSONPath")]
    [InlineData("$.data[?(@.a ==)]", "JSONPath")]
    [InlineData("/response/data/item[", "XPath")]
    [InlineData("data.items", "neither")]
    public void Problem_InvalidPaths_SayWhatIsWrong(string path, string expected) =>
        Assert.Contains(expected, DataPaths.Problem(path), StringComparison.Ordinal);

    [Fact]
    public void Extract_NegativeIndex_GivesTheLastElement()
    {
        var page = ResponseExtractor.Extract("""[{"id":1},{"id":2},{"id":3}]""", "$[-1]", null);

        Assert.Equal("3", Assert.Single(page.Records).FieldText("id"));
    }

    [Fact]
    public void Extract_RfcFilterWithoutParentheses_KeepsMatchingRecords()
    {
        var page = ResponseExtractor.Extract(Envelope, "$.data[?@.active == true && @.id > 1]", "$[\"totalElements\"]");

        Assert.Equal("3", Assert.Single(page.Records).FieldText("id"));
        Assert.Equal("10", page.Metadata);
    }

    [Fact]
    public void Extract_FilterComparingNumbersWithText_SkipsThoseRecordsInsteadOfFailing()
    {
        var page = ResponseExtractor.Extract("""{"data":[{"n":"ten"},{"n":12},{"n":null},{"n":[1]}]}""", "$.data[?@.n > 5]", null);

        Assert.Equal("12", Assert.Single(page.Records).FieldText("n"));
    }

    [Fact]
    public void Extract_HugeIndex_SelectsNothing() =>
        Assert.Empty(ResponseExtractor.Extract("""[{"id":1}]""", "$[-9007199254740991]", null).Records);

    [Fact]
    public void Extract_InvalidRfcPath_IsADataPathErrorWithThePosition()
    {
        var error = Assert.Throws<DataPathException>(() => ResponseExtractor.Extract(Envelope, "$.data[?@.id ==]", null));

        Assert.Equal("dataPath", error.Field);
        Assert.Contains("position 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_RecordText_IsTheObjectAsSentWithoutWhitespace()
    {
        const string Body = """
            { "data": [
                { "id": 1, "price": 1.10, "name": "Zo\u00eb \"Z\" Lee", "big": 12345678901234567890123, "at": 1e5,
                  "owner": { "id": 9, "tags": [ "a b", "c" ] } }
            ], "total": 1 }
            """;

        var record = Assert.Single(ResponseExtractor.Extract(Body, "$.data[*]", "$.total").Records);

        Assert.Equal(
            """{"id":1,"price":1.10,"name":"Zo\u00eb \"Z\" Lee","big":12345678901234567890123,"at":1e5,"owner":{"id":9,"tags":["a b","c"]},"_metadata":1}""",
            record.Json);
    }

    [Theory]
    [InlineData("""{"a":1,"b":"x y","c":[1,2],"d":{"e":null}}""")]
    [InlineData("""{ "a":1}""")]
    [InlineData("""{"a" :1}""")]
    [InlineData("""{"a": 1}""")]
    [InlineData("""{"a":1 }""")]
    [InlineData("""{"a":1 ,"b":2}""")]
    [InlineData("""{"a":1, "b":2}""")]
    [InlineData("{\"a\":\"x\",\"b\":\"y\"\t}")]
    [InlineData("""{"a":[1, 2]}""")]
    [InlineData("""{"a":[ ]}""")]
    [InlineData("""{"a":{"b": 1}}""")]
    [InlineData("{\"a\":[{\"b\":1},\r\n{\"c\":\"x , y\"}]}")]
    [InlineData("""{}""")]
    [InlineData("""{ }""")]
    [InlineData("""{"s":"a \" b : c , d"}""")]
    [InlineData("""{"s":"\\","t":"\\ "}""")]
    [InlineData("""{"\u0041 b":"\u00e9"}""")]
    [InlineData("""{"a":"\"",  "b":true}""")]
    public void Extract_RecordText_HasNoWhitespaceBetweenTokens_WhereverThePageHadIt(string record)
    {
        foreach (var page in new[] { $$"""{"data":[{{record}}]}""", $$"""{ "data" : [ {{record}} , {{record}} ] }""", $$"""{"data":[{{record}},{{record}}],"x": 1}""" })
        {
            Assert.All(ResponseExtractor.Extract(page, "$.data[*]", null).Records, r => Assert.Equal(WithoutWhitespace(record), r.Json));
        }
    }

    // The JSON text without whitespace outside its strings.
    private static string WithoutWhitespace(string json)
    {
        var text = new System.Text.StringBuilder();
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString && c == '\\')
            {
                text.Append(c).Append(json[++i]);
                continue;
            }

            if (c == '"')
            {
                inString = !inString;
            }

            if (inString || !char.IsWhiteSpace(c))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    [Fact]
    public void Extract_RecordWithItsOwnMetadataProperty_HasItReplacedInPlace()
    {
        var record = Assert.Single(ResponseExtractor.Extract("""{"data":[{"_metadata":"old","id":1}],"n":2}""", "$.data[*]", "$.n").Records);

        Assert.Equal("""{"_metadata":2,"id":1}""", record.Json);
    }

    [Fact]
    public void Extract_FilterPath_StillGivesTheRecordsAsSent()
    {
        var page = ResponseExtractor.Extract("""{"data":[{"id":1,"p":1.10},{"id":2,"p":2.50}]}""", "$.data[?@.p > 2]", null);

        Assert.Equal("""{"id":2,"p":2.50}""", Assert.Single(page.Records).Json);
    }

    [Fact]
    public void Extract_LenientJson_StillReadsItsRecords()
    {
        var page = ResponseExtractor.Extract("{'data':[{'id':1,},], // a comment\n}", "$.data[*]", null);

        Assert.Equal("""{"id":1}""", Assert.Single(page.Records).Json);
    }
}
