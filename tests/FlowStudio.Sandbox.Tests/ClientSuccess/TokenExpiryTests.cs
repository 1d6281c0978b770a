using System.Net;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

public sealed class TokenExpiryTests(ClockedSandbox sandbox) : IClassFixture<ClockedSandbox>
{
    [Fact]
    public async Task Token_After12Hours_Returns401InvalidTokenAndReloginWorks()
    {
        using var client = sandbox.CreateClient();
        var credentials = new { username = "sandbox@flowstudio.local", password = "sandbox" };
        var token = (await client.PostJsonAsync("v1/auth", credentials, 200)).Text("access_token");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", token);

        sandbox.Clock.Advance(TimeSpan.FromHours(12) - TimeSpan.FromSeconds(1));
        using (var stillValid = await client.GetAsync("v2/pulse/search?size=1"))
        {
            Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        }

        sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        using var expired = await client.GetAsync("v2/pulse/search?size=1");
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal($"Bearer realm=\"clientsuccess\", error=\"invalid_token\", error_description=\"{token}\"", expired.Headers.WwwAuthenticate.ToString());
        Assert.Equal("invalid_token", (await expired.JsonAsync()).Text("error"));

        client.DefaultRequestHeaders.Remove("Authorization");
        var fresh = (await client.PostJsonAsync("v1/auth", credentials, 200)).Text("access_token");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", fresh);
        using var again = await client.GetAsync("v2/pulse/search?size=1");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Fact]
    public async Task Create_UsesTheInjectedClock_ForTimestamps()
    {
        using var client = sandbox.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-Key", ClientSuccessHttp.ApiKey);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var expected = sandbox.Clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

        var pulse = await client.PostJsonAsync("v2/pulse", new { clientId, dispositionType = "SOME_RISK" });

        Assert.Equal(expected, pulse.Text("createdTimestamp"));
    }
}
