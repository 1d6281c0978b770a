using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.Clari;

[Collection(SandboxCollection.Name)]
public sealed class PicklistTests(SandboxServer sandbox)
{
    [Fact]
    public async Task AddValues_ThenGet_ReturnsAddedOptionsOnce()
    {
        using var client = ClariHttp.CreateClient(sandbox);
        var body = new { fieldName = "isACustomerOf", fieldType = "multipicklist", values = new[] { "Customer4", "Customer1" } };

        var added = await client.PostAsJsonAsync("v2/ingest/schema/account/field", body);
        await client.PostAsJsonAsync("v2/ingest/schema/account/field", body);
        var values = await ClariHttp.ReadJsonAsync(await client.GetAsync("v2/ingest/schema/account/field?fieldNames=isACustomerOf"));

        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        Assert.Equal("picklist options have been updated successfully.", (await ClariHttp.ReadJsonAsync(added)).GetProperty("message").GetString());
        var options = values.GetProperty("isACustomerOf").EnumerateArray().Select(value => value.GetString()).ToList();
        Assert.Single(options, "Customer4");
        Assert.Single(options, "Customer1");
        Assert.Single(values.EnumerateObject());
    }

    [Theory]
    [InlineData("trend", "text", "FieldType is not supported. Supported FieldTypes are [picklist, multipicklist]")]
    [InlineData("nickname", "picklist", "Oops! nickname is not defined in schema.")]
    [InlineData("", "picklist", "One or more error in validating field details. fieldName cannot be empty or null")]
    public async Task AddValues_InvalidField_Returns400(string fieldName, string fieldType, string summary)
    {
        using var client = ClariHttp.CreateClient(sandbox);

        var response = await client.PostAsJsonAsync("v2/ingest/schema/account/field", new { fieldName, fieldType, values = new[] { "x" } });

        Assert.Equal(("INVALID_INPUT_FORMAT", summary), await ClariHttp.SingleIngestErrorAsync(response));
    }
}
