using System.Collections.Concurrent;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Pagination;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Http;

/// <summary>A credential's headers reach its own origin only: not by manual URL, redirect or next-page link.</summary>
public sealed class CredentialOriginTests
{
    private static readonly RetryOptions Fast = new() { MaxRetries = 1, BaseDelay = TimeSpan.FromMilliseconds(1) };

    private static readonly string[] CredentialHeaders = ["X-API-Key", "Authorization", "apikey", "partnerkey"];

    public static TheoryData<string> Connectors => ["clientsuccess", "clari", "rest"];

    private static ApiClient CreateSut()
    {
        var policy = new OutboundPolicy([AllowRule.Parse("127.0.0.1")]);
        return new ApiClient(new HttpClient(policy.CreateHandler()), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System, policy);
    }

    private static Connection Credential(string connector, Uri baseUrl) => connector switch
    {
        "clientsuccess" => new(connector, baseUrl, new Dictionary<string, string> { ["apiKey"] = "cs-secret-key-123" }),
        "clari" => new(connector, baseUrl, new Dictionary<string, string> { ["apiKey"] = "clari-secret-123", ["partnerKey"] = "partner-secret-123" }),
        _ => new(connector, baseUrl, new Dictionary<string, string> { ["authType"] = "bearer", ["token"] = "rest-secret-123" }),
    };

    /// <summary>The other origin: records every header it receives.</summary>
    private static Task<TestPeer> ListenerAsync(ConcurrentBag<string> received) => TestPeer.StartAsync(app => app.MapFallback((HttpContext http) =>
    {
        foreach (var (name, value) in http.Request.Headers)
        {
            received.Add($"{name}: {value}");
        }

        return Results.Json(new { items = new[] { new { id = 1 } } });
    }));

    [Theory]
    [InlineData("X-A\r\nInjected: 1", "key-0001")]
    [InlineData("X API Key", "key-0001")]
    [InlineData("X-API-Key", "key-0001\r\nInjected: 1")]
    public async Task SendAsync_StoredHeaderNameOrSecretThatIsNoHeader_FailsTheRequestWithoutSendingIt(string headerName, string apiKey)
    {
        var received = new ConcurrentBag<string>();
        await using var own = await ListenerAsync(received);
        var connection = new Connection("rest", own.BaseAddress, new Dictionary<string, string> { ["authType"] = "apiKey", ["headerName"] = headerName, ["apiKey"] = apiKey });

        var response = await CreateSut().SendAsync(connection, new ApiRequest(HttpMethod.Get, "/items"), Fast);

        Assert.Equal((0, 1), (response.StatusCode, response.Attempts));
        Assert.Contains("edit the credential", response.TransportError, StringComparison.Ordinal);
        Assert.DoesNotContain("key-0001", response.TransportError, StringComparison.Ordinal);
        Assert.Empty(received);
    }

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task SendAsync_AbsoluteUrlOnAnotherOrigin_SendsNoCredentialHeader(string connector)
    {
        var received = new ConcurrentBag<string>();
        await using var other = await ListenerAsync(received);
        await using var own = await TestPeer.StartAsync(app => app.MapGet("/x", () => "own"));

        var response = await CreateSut().SendAsync(Credential(connector, own.BaseAddress), new ApiRequest(HttpMethod.Get, other.Url("/steal")), Fast);

        Assert.Equal(200, response.StatusCode);
        AssertNoCredential(received);
    }

    [Theory]
    [MemberData(nameof(Connectors))]
    public async Task SendAsync_RedirectToAnotherOrigin_SendsNoCredentialHeader(string connector)
    {
        var received = new ConcurrentBag<string>();
        var ownReceived = new ConcurrentBag<string>();
        await using var other = await ListenerAsync(received);
        await using var own = await TestPeer.StartAsync(app => app.MapGet("/moved", (HttpContext http) =>
        {
            ownReceived.Add(http.Request.Headers.Authorization.ToString() + http.Request.Headers["apikey"]);
            return Results.Redirect(other.Url("/landing"));
        }));

        var response = await CreateSut().SendAsync(Credential(connector, own.BaseAddress), new ApiRequest(HttpMethod.Get, "/moved"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Contains(ownReceived, v => v.Contains("secret", StringComparison.Ordinal));
        Assert.Contains(received, h => h.StartsWith("Host:", StringComparison.OrdinalIgnoreCase));
        AssertNoCredential(received);
    }

    [Fact]
    public async Task SendAsync_RedirectOnTheSameOrigin_KeepsTheCredential()
    {
        var seen = new ConcurrentBag<string>();
        await using var own = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/old", () => Results.Redirect("/new", permanent: true));
            app.MapGet("/new", (HttpContext http) =>
            {
                seen.Add(http.Request.Headers["apikey"].ToString());
                return "new";
            });
        });

        var response = await CreateSut().SendAsync(Credential("clari", own.BaseAddress), new ApiRequest(HttpMethod.Get, "/old"), Fast);

        Assert.Equal("new", response.Body);
        Assert.Equal(["clari-secret-123"], seen);
    }

    [Fact]
    public async Task SendAsync_RestCredentialWithAllowedOrigin_SendsItThere()
    {
        var received = new ConcurrentBag<string>();
        await using var other = await ListenerAsync(received);
        var connection = new Connection("rest", new Uri("https://api.example.com"), new Dictionary<string, string>
        {
            ["authType"] = "bearer",
            ["token"] = "rest-secret-123",
            ["allowedOrigins"] = other.BaseAddress.ToString().TrimEnd('/'),
        });

        await CreateSut().SendAsync(connection, new ApiRequest(HttpMethod.Get, other.Url("/files")), Fast);

        Assert.Contains("Authorization: Bearer rest-secret-123", received);
    }

    [Theory]
    [InlineData(PaginationTypes.LinkHeader)]
    [InlineData(PaginationTypes.NextUrl)]
    public async Task ReadAsync_NextPageOnAnotherOrigin_SendsNoCredentialHeader(string pagination)
    {
        var received = new ConcurrentBag<string>();
        await using var other = await ListenerAsync(received);
        await using var own = await TestPeer.StartAsync(app => app.MapGet("/items", (HttpContext http) =>
        {
            http.Response.Headers.Link = $"<{other.Url("/page2")}>; rel=\"next\"";
            return Results.Json(new { items = new[] { new { id = 0 } }, next = other.Url("/page2") });
        }));
        var reader = new SourceReader(CreateSut(), TimeProvider.System, Fast);
        var config = new SourceConfig { Url = "/items", DataPath = "$.items[*]", Pagination = new PaginationSpec { Type = pagination, NextPath = "$.next" } };

        var (records, _) = await reader.ReadAllAsync(Credential("clari", own.BaseAddress), config);

        Assert.True(records.Count >= 2, $"read {records.Count} records");
        Assert.NotEmpty(received);
        AssertNoCredential(received);
    }

    private static void AssertNoCredential(ConcurrentBag<string> received)
    {
        foreach (var header in received)
        {
            Assert.DoesNotContain("secret", header, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(CredentialHeaders, name => header.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase));
        }
    }
}
