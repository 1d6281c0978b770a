using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests;

[Collection(SandboxCollection.Name)]
public sealed class ControlApiTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Faults_InvalidRate_Returns400()
    {
        using var client = sandbox.CreateClient();
        var response = await client.PostAsJsonAsync("_faults", new { rate429 = 2.0 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
