using FlowStudio.Web.Features.Lookups;

namespace FlowStudio.Web.Tests.Features.Lookups;

public sealed class LookupRowsTextTests
{
    [Fact]
    public void Parse_CsvWithQuotedCommaQuoteAndLineBreak_ReadsEveryValue()
    {
        var (rows, problem) = LookupRowsText.Parse("id,name\r\n1198,\"Acme, Inc.\"\n1023,\"Globex \"\"West\"\"\nBranch\"\n");

        Assert.Null(problem);
        Assert.Equal(2, rows!.Count);
        Assert.Equal("Acme, Inc.", (string?)rows[0]["name"]);
        Assert.Equal("Globex \"West\"\nBranch", (string?)rows[1]["name"]);
        Assert.Equal("1023", (string?)rows[1]["id"]);
    }

    [Fact]
    public void Parse_JsonArray_KeepsTheObjects()
    {
        var (rows, problem) = LookupRowsText.Parse("""[{"id": 1198, "name": "Acme"}, {"id": 1023}]""");

        Assert.Null(problem);
        Assert.Equal(1198, (int)rows![0]["id"]!);
        Assert.False(rows[1].ContainsKey("name"));
    }

    [Theory]
    [InlineData("id,name\n1198", "Line 2 has 1 values; the header has 2 columns.")]
    [InlineData("id,name\n1198,\"Acme", "Line 2 opens a quoted value that is never closed.")]
    [InlineData("id,,name\n1,2,3", "Line 1, the header, has an empty column name.")]
    [InlineData("id,id\n1,2", "Line 1, the header, names a column twice.")]
    [InlineData("id,name", "There are no rows: add at least one under the header.")]
    [InlineData("[1, 2]", "Row 1 is not a JSON object; each row must look like {\"id\": \"1198\", \"name\": \"Acme\"}.")]
    [InlineData("   ", "Paste the rows: CSV with a header line, or a JSON array of objects.")]
    public void Parse_BadRows_SaysWhatAndWhere(string text, string expected)
    {
        var (rows, problem) = LookupRowsText.Parse(text);

        Assert.Null(rows);
        Assert.Equal(expected, problem);
    }

    [Fact]
    public void Parse_BrokenJson_SaysItIsNotValidJson() =>
        Assert.StartsWith("The rows are not valid JSON: check line 1 ", LookupRowsText.Parse("[{\"id\": }]").Problem);

    [Fact]
    public void Format_TextRows_AreCsvThatReadsBackTheSame()
    {
        var (rows, _) = LookupRowsText.Parse("id,name\n1198,\"Acme, Inc.\"\n1023,\"Globex \"\"West\"\"\nBranch\"\n");

        var text = LookupRowsText.Format(rows!);

        Assert.Equal("id,name\n1198,\"Acme, Inc.\"\n1023,\"Globex \"\"West\"\"\nBranch\"\n", text);
        Assert.Equal(rows!.Select(r => r.ToJsonString()), LookupRowsText.Parse(text).Rows!.Select(r => r.ToJsonString()));
    }

    [Fact]
    public void Format_NumbersOrRaggedRows_AreJsonThatReadsBackTheSame()
    {
        var (rows, _) = LookupRowsText.Parse("""[{"id": 1198, "name": "Acme"}, {"id": 1023}]""");

        var text = LookupRowsText.Format(rows!);

        Assert.StartsWith("[", text, StringComparison.Ordinal);
        Assert.Equal(rows!.Select(r => r.ToJsonString()), LookupRowsText.Parse(text).Rows!.Select(r => r.ToJsonString()));
    }
}
