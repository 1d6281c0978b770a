using System.Collections.Concurrent;
using System.Text;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Connectors;

public sealed class ConnectorAuthenticatorTests
{
    private const string Password = "s3cret-Pass";

    private static readonly RetryOptions Fast = new() { BaseDelay = TimeSpan.FromMilliseconds(1) };

    private static ApiClient CreateSut(ConnectorAuthenticator? auth = null) =>
        new(new HttpClient(), auth ?? new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System);

    /// <summary>A ClientSuccess-like peer: POST /v1/auth issues tokens; GET /v2/items needs the latest token.</summary>
    private sealed class ClientSuccessPeer
    {
        private int _signIns;
        private string? _valid;

        public int SignIns => _signIns;

        public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

        public void Expire() => _valid = null;

        public Task<TestPeer> StartAsync() => TestPeer.StartAsync(app =>
        {
            app.MapPost("/v1/auth", async (HttpContext http) =>
            {
                using var reader = new StreamReader(http.Request.Body);
                var body = Newtonsoft.Json.Linq.JObject.Parse(await reader.ReadToEndAsync());
                if ((string?)body["username"] != "ops@example.com" || (string?)body["password"] != Password)
                {
                    return Results.Json(new { code = "Unauthorized", message = "" }, statusCode: 401);
                }

                _valid = $"token-{Interlocked.Increment(ref _signIns)}";
                http.Response.Headers.Authorization = _valid;
                return Results.Json(new { access_token = _valid, token_type = "Bearer", expires_in = 43200 });
            });
            app.MapGet("/v2/items", (HttpContext http) =>
            {
                var token = http.Request.Headers.Authorization.ToString();
                AuthorizationHeaders.Enqueue(token);
                return token == _valid && _valid is not null
                    ? Results.Json(new { data = new[] { new { id = 1 } } })
                    : Results.Json(new { error = "invalid_token", error_description = token }, statusCode: 401);
            });
        });
    }

    private static Connection ClientSuccess(TestPeer peer, string password = Password) => new(
        "clientsuccess",
        peer.BaseAddress,
        new Dictionary<string, string> { ["username"] = "ops@example.com", ["password"] = password });

    [Fact]
    public async Task SendAsync_ClientSuccessUserAndPassword_SignsInOnceAndReusesTheToken()
    {
        var cs = new ClientSuccessPeer();
        await using var peer = await cs.StartAsync();
        var api = CreateSut();

        for (var i = 0; i < 3; i++)
        {
            var response = await api.SendAsync(ClientSuccess(peer), new ApiRequest(HttpMethod.Get, "/v2/items"), Fast);
            Assert.Equal(200, response.StatusCode);
        }

        Assert.Equal(1, cs.SignIns);
        Assert.All(cs.AuthorizationHeaders, header => Assert.Equal("token-1", header));
    }

    [Fact]
    public async Task SendAsync_ConcurrentFirstCalls_SignInOnlyOnce()
    {
        var cs = new ClientSuccessPeer();
        await using var peer = await cs.StartAsync();
        var api = CreateSut();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            api.SendAsync(ClientSuccess(peer), new ApiRequest(HttpMethod.Get, "/v2/items"), Fast)));

        Assert.All(responses, r => Assert.Equal(200, r.StatusCode));
        Assert.Equal(1, cs.SignIns);
    }

    [Fact]
    public async Task SendAsync_TokenRefusedWith401_SignsInAgainOnceAndSucceeds()
    {
        var cs = new ClientSuccessPeer();
        await using var peer = await cs.StartAsync();
        var api = CreateSut();
        await api.SendAsync(ClientSuccess(peer), new ApiRequest(HttpMethod.Get, "/v2/items"), Fast);
        cs.Expire();

        var response = await api.SendAsync(ClientSuccess(peer), new ApiRequest(HttpMethod.Get, "/v2/items"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(2, cs.SignIns);
        Assert.Equal(2, response.Attempts);
        Assert.Equal(["token-1", "token-1", "token-2"], cs.AuthorizationHeaders.ToArray());
    }

    [Fact]
    public async Task SendAsync_WrongPassword_ReturnsTheSignIn401WithoutTheSecret()
    {
        var cs = new ClientSuccessPeer();
        await using var peer = await cs.StartAsync();

        var response = await CreateSut().SendAsync(ClientSuccess(peer, "wrong-password"), new ApiRequest(HttpMethod.Get, "/v2/items"), Fast);

        Assert.Equal(401, response.StatusCode);
        Assert.Contains("Unauthorized", response.Body, StringComparison.Ordinal);
        Assert.Empty(cs.AuthorizationHeaders);
    }

    [Fact]
    public async Task SendAsync_ApiEchoesTheToken_TokenIsMaskedInBodyAndHeaders()
    {
        var signIns = 0;
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapPost("/v1/auth", () =>
            {
                Interlocked.Increment(ref signIns);
                return Results.Json(new { access_token = "token-echoed-back", expires_in = 43200 });
            });
            app.MapGet("/v2/items", (HttpContext http) =>
            {
                var token = http.Request.Headers.Authorization.ToString();
                http.Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{token}\"";
                return Results.Json(new { error = "invalid_token", error_description = token }, statusCode: 401);
            });
        });

        var response = await CreateSut().SendAsync(ClientSuccess(peer), new ApiRequest(HttpMethod.Get, "/v2/items"), Fast);

        Assert.Equal(401, response.StatusCode);
        Assert.Equal(2, signIns);
        Assert.DoesNotContain("token-echoed-back", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("token-echoed-back", string.Join(" ", response.Headers.Values), StringComparison.Ordinal);
        Assert.Contains("****", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ClientSuccessApiKey_SendsXApiKeyAndAuthorization()
    {
        var seen = new ConcurrentDictionary<string, string>();
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/v2/items", (HttpContext http) =>
        {
            seen["x-api-key"] = http.Request.Headers["X-API-Key"].ToString();
            seen["authorization"] = http.Request.Headers.Authorization.ToString();
            return Results.Json(new { echo = http.Request.Headers["X-API-Key"].ToString() });
        }));
        var connection = new Connection("clientsuccess", peer.BaseAddress, new Dictionary<string, string> { ["apiKey"] = "cs-key-123" });

        var response = await CreateSut().SendAsync(connection, new ApiRequest(HttpMethod.Get, "/v2/items"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("cs-key-123", seen["x-api-key"]);
        Assert.Equal("cs-key-123", seen["authorization"]);
        Assert.DoesNotContain("cs-key-123", response.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Clari_SendsApikeyAndPartnerkeyHeaders()
    {
        var seen = new ConcurrentDictionary<string, string>();
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/v4/audit/events", (HttpContext http) =>
        {
            seen["apikey"] = http.Request.Headers["apikey"].ToString();
            seen["partnerkey"] = http.Request.Headers["partnerkey"].ToString();
            seen["authorization"] = http.Request.Headers.Authorization.ToString();
            return Results.Json(new { items = Array.Empty<object>() });
        }));
        var connection = new Connection("clari", peer.BaseAddress, new Dictionary<string, string> { ["apiKey"] = "clari-key", ["partnerKey"] = "partner-key" });

        var response = await CreateSut().SendAsync(connection, new ApiRequest(HttpMethod.Get, "/v4/audit/events"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("clari-key", seen["apikey"]);
        Assert.Equal("partner-key", seen["partnerkey"]);
        Assert.Equal(string.Empty, seen["authorization"]);
    }

    public static TheoryData<Dictionary<string, string>, string, string> RestCases() => new()
    {
        { new() { ["authType"] = "none" }, "Authorization", "" },
        { new() { ["authType"] = "bearer", ["token"] = "tok-1" }, "Authorization", "Bearer tok-1" },
        { new() { ["authType"] = "basic", ["username"] = "ann", ["password"] = "pw" }, "Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("ann:pw")) },
        { new() { ["authType"] = "apiKey", ["apiKey"] = "k-1" }, "X-API-Key", "k-1" },
        { new() { ["authType"] = "apiKey", ["apiKey"] = "k-2", ["headerName"] = "X-Token" }, "X-Token", "k-2" },
    };

    [Theory]
    [MemberData(nameof(RestCases))]
    public async Task SendAsync_RestAuthType_SendsTheMatchingHeader(Dictionary<string, string> fields, string header, string expected)
    {
        string? value = null;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/things", (HttpContext http) =>
        {
            value = http.Request.Headers[header].ToString();
            return Results.Text("ok");
        }));

        var response = await CreateSut().SendAsync(new Connection("rest", peer.BaseAddress, fields), new ApiRequest(HttpMethod.Get, "/things"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal(expected, value);
    }

    [Fact]
    public async Task SendAsync_UnknownRestAuthType_ThrowsNamingIt()
    {
        var connection = new Connection("rest", new Uri("http://127.0.0.1:9"), new Dictionary<string, string> { ["authType"] = "oauth" });

        var error = await Assert.ThrowsAsync<ArgumentException>(() => CreateSut().SendAsync(connection, new ApiRequest(HttpMethod.Get, "/x")));

        Assert.Contains("oauth", error.Message, StringComparison.Ordinal);
    }
}
