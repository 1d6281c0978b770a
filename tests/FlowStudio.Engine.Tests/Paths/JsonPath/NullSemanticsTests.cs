namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>RFC 9535 §2.6: null is a value like any other (Table 17), different from a missing member.</summary>
public sealed class NullSemanticsTests
{
    private const string Document = """{"a": null, "b": [null], "c": [{}], "null": 1}""";

    [Theory]
    [InlineData("$.a", "[null]", "$['a']")]
    [InlineData("$.a[0]", "[]", "")]
    [InlineData("$.a.d", "[]", "")]
    [InlineData("$.b[0]", "[null]", "$['b'][0]")]
    [InlineData("$.b[*]", "[null]", "$['b'][0]")]
    [InlineData("$.b[?@]", "[null]", "$['b'][0]")]
    [InlineData("$.b[?@==null]", "[null]", "$['b'][0]")]
    [InlineData("$.c[?@.d==null]", "[]", "")]
    [InlineData("$.null", "[1]", "$['null']")]
    public void Select_RfcTable17_GivesValuesAndPaths(string path, string values, string paths)
    {
        Assert.Equal(values, Rfc.Values(path, Document));
        Assert.Equal(paths, Rfc.Paths(path, Document));
    }
}
