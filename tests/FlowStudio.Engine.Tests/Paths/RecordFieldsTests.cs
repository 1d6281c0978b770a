using FlowStudio.Engine.Paths;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Paths;

public sealed class RecordFieldsTests
{
    private static readonly JObject Record = JObject.Parse("""{"id": 7, "owner": {"id": 9}, "a.b": "dotted", "tags": ["x", "y"]}""");

    [Theory]
    [InlineData("id", "7")]
    [InlineData("owner.id", "9")]
    [InlineData("a.b", "dotted")]
    [InlineData("$.owner.id", "9")]
    [InlineData("$.tags[-1]", "y")]
    [InlineData("$['a.b']", "dotted")]
    public void Read_NameOrJsonPath_FindsTheValue(string field, string expected) =>
        Assert.Equal(expected, RecordFields.Read(Record, field)?.ToString());

    [Theory]
    [InlineData("missing")]
    [InlineData("owner.missing")]
    [InlineData("id.deeper")]
    [InlineData("$[")]
    [InlineData("$.tags[?@ ==")]
    [InlineData("a[")]
    public void Read_MissingOrInvalid_IsNull(string field) => Assert.Null(RecordFields.Read(Record, field));
}
