using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class ClientSuccessAuthTests(SandboxServer sandbox)
{
    private const string User = "sandbox@flowstudio.local";
    private const string Password = "sandbox";

    [Fact]
    public async Task Auth_JsonCredentials_ReturnsBearerTokenEchoedInHeader()
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        using var response = await client.PostAsJsonAsync("v1/auth", new { username = User, password = Password });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        var token = body.Text("access_token");
        Assert.True(Guid.TryParse(token, out _));
        Assert.Equal("Bearer", body.Text("token_type"));
        Assert.Equal(43200, body["expires_in"]!.GetValue<int>());
        Assert.Equal(token, response.Headers.GetValues("Authorization").Single());
    }

    [Fact]
    public async Task Auth_FormCredentials_ReturnsToken()
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["username"] = User, ["password"] = Password });
        using var response = await client.PostAsync("v1/auth", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.JsonAsync()).Text("access_token"));
    }

    [Fact]
    public async Task Auth_QueryStringCredentials_ReturnsToken()
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        using var response = await client.PostAsync($"v1/auth?username={Uri.EscapeDataString(User)}&password={Password}", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await response.JsonAsync()).Text("access_token"));
    }

    [Fact]
    public async Task Auth_WrongPassword_Returns401UnauthorizedCode()
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        using var response = await client.PostAsJsonAsync("v1/auth", new { username = User, password = "nope" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""{"code":"Unauthorized","message":""}""", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("")]
    [InlineData("Bearer ")]
    public async Task Token_InAuthorizationHeader_OpensTheApi(string prefix)
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        var token = (await client.PostJsonAsync("v1/auth", new { username = User, password = Password }, 200)).Text("access_token");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", prefix + token);

        using var response = await client.GetAsync("v2/client/search?size=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("Authorization")]
    [InlineData("X-API-Key")]
    public async Task ApiKey_InEitherHeader_OpensTheApi(string header)
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        client.DefaultRequestHeaders.TryAddWithoutValidation(header, ClientSuccessHttp.ApiKey);

        using var response = await client.GetAsync("v2/contact/search?size=1");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithoutCredentials_Returns401InvalidToken()
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        using var response = await client.GetAsync("v2/pulse/search");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""Bearer realm="clientsuccess", error="invalid_token", error_description="" """.TrimEnd(), response.Headers.WwwAuthenticate.ToString());
        Assert.Equal("""{"error":"invalid_token","error_description":""}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Request_WithUnknownToken_Returns401NamingTheToken()
    {
        using var client = sandbox.CreateClient("/sandbox/clientsuccess/");
        client.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "0b5a8c1e-0000-4000-8000-000000000000");

        using var response = await client.GetAsync("v1/clients");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("error_description=\"0b5a8c1e-0000-4000-8000-000000000000\"", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal("0b5a8c1e-0000-4000-8000-000000000000", (await response.JsonAsync()).Text("error_description"));
    }
}
