using System.Net;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class OutboundPolicyTests
{
    private static readonly RetryOptions Fast = new() { MaxRetries = 2, BaseDelay = TimeSpan.FromMilliseconds(1) };

    private static ApiClient CreateSut(OutboundPolicy policy, long maxResponseBytes = ApiClient.DefaultMaxResponseBytes) =>
        new(new HttpClient(policy.CreateHandler()), new ConnectorAuthenticator(TimeProvider.System), TimeProvider.System, policy, maxResponseBytes);

    private static Connection NoAuth(string baseUrl) => new("rest", new Uri(baseUrl), new Dictionary<string, string> { ["authType"] = "none" });

    [Theory]
    [InlineData("http://127.0.0.1:{port}/items")]
    [InlineData("http://2130706433:{port}/items")]
    [InlineData("http://0x7f000001:{port}/items")]
    [InlineData("http://0177.0.0.1:{port}/items")]
    [InlineData("http://127.1:{port}/items")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/items")]
    [InlineData("http://[::1]:{port}/items")]
    [InlineData("http://localhost:{port}/items")]
    public async Task SendAsync_LoopbackInAnyNotation_IsRefusedBeforeConnecting(string url)
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => Interlocked.Increment(ref calls)));
        var target = url.Replace("{port}", peer.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);

        var response = await CreateSut(new OutboundPolicy([])).SendAsync(NoAuth("https://api.example.com"), new ApiRequest(HttpMethod.Get, target), Fast);

        Assert.Equal(0, response.StatusCode);
        Assert.Contains("loopback", response.TransportError, StringComparison.Ordinal);
        Assert.Contains("Outbound:Allow", response.TransportError, StringComparison.Ordinal);
        Assert.Equal(1, response.Attempts);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData("http://10.0.0.1/hook", "private")]
    [InlineData("http://2130706433/hook", "loopback")]
    [InlineData("http://[::1]:8080/hook", "loopback")]
    [InlineData("ftp://hooks.example.com/hook", "Only absolute http and https URLs")]
    [InlineData("https://localhost/hook", "loopback")]
    [InlineData("http://LOCALHOST.:9000/hook", "loopback")]
    [InlineData("http://api.localhost:8080/hook", "loopback")]
    public void ProblemBeforeConnect_RestrictedAddressWrittenInTheUrl_IsNamed(string url, string expected)
    {
        Assert.Contains(expected, new OutboundPolicy([]).ProblemBeforeConnect(new Uri(url)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost:9000/hook")]
    [InlineData("https://hooks.example.com/hook")]
    [InlineData("https://notlocalhost.example.com/hook")]
    public void ProblemBeforeConnect_AllowedAddressOrAHostName_IsNone(string url)
    {
        Assert.Null(new OutboundPolicy([AllowRule.Parse("127.0.0.1:9000")]).ProblemBeforeConnect(new Uri(url)));
    }

    [Theory]
    [InlineData("169.254.169.254", "link-local or cloud metadata")]
    [InlineData("10.1.2.3", "private")]
    [InlineData("172.16.0.1", "private")]
    [InlineData("192.168.1.1", "private")]
    [InlineData("100.64.0.1", "carrier-grade NAT")]
    [InlineData("0.0.0.0", "this network")]
    [InlineData("fd00:ec2::254", "unique local")]
    [InlineData("fe80::1", "link-local")]
    [InlineData("::ffff:10.0.0.1", "private")]
    public void Restriction_PrivateAndMetadataAddresses_AreNamed(string address, string expected)
    {
        Assert.Contains(expected, IpRanges.Restriction(IPAddress.Parse(address)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("93.184.216.34")]
    [InlineData("2606:4700::1111")]
    public void Restriction_PublicAddresses_AreNone(string address)
    {
        Assert.Null(IpRanges.Restriction(IPAddress.Parse(address)));
    }

    [Fact]
    public async Task SendAsync_AllowedLoopbackPort_Connects()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => Results.Json(new[] { 1, 2 })));
        var policy = new OutboundPolicy([AllowRule.Parse($"127.0.0.1:{peer.BaseAddress.Port}")]);

        var response = await CreateSut(policy).SendAsync(NoAuth(peer.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/items"), Fast);

        Assert.Equal(200, response.StatusCode);
        Assert.Equal("[1,2]", response.Body);
    }

    [Fact]
    public async Task SendAsync_AllowedHostOnAnotherPort_IsRefused()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/items", () => "ok"));
        var policy = new OutboundPolicy([AllowRule.Parse("127.0.0.1:1")]);

        var response = await CreateSut(policy).SendAsync(NoAuth(peer.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/items"), Fast);

        Assert.Equal(0, response.StatusCode);
        Assert.Contains("loopback", response.TransportError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_RedirectToLoopback_IsRefused()
    {
        var calls = 0;
        await using var inside = await TestPeer.StartAsync(app => app.MapGet("/secret", () => Interlocked.Increment(ref calls)));
        await using var outside = await TestPeer.StartAsync(app => app.MapGet("/go", () => Results.Redirect(inside.Url("/secret").Replace("127.0.0.1", "localhost", StringComparison.Ordinal))));
        var policy = new OutboundPolicy([AllowRule.Parse($"127.0.0.1:{outside.BaseAddress.Port}")]);

        var response = await CreateSut(policy).SendAsync(NoAuth(outside.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/go"), Fast);

        Assert.Equal(0, response.StatusCode);
        Assert.Contains("loopback", response.TransportError, StringComparison.Ordinal);
        Assert.Equal(0, calls);
    }

    [Theory]
    [InlineData("http://localhost:{port}/api/credentials")]
    [InlineData("http://[::ffff:127.0.0.1]:{port}/api/credentials")]
    [InlineData("http://127.1:{port}/api/credentials")]
    [InlineData("http://127.0.0.1:{port}/sandbox/to-api?via=localhost")]
    public async Task SendAsync_ConfinedOriginUnderAnotherNameOrNotation_OrRedirectedThere_IsRefused(string url)
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/api/credentials", () => Interlocked.Increment(ref calls));
            app.MapGet("/sandbox/to-api", (HttpContext context) => Results.Redirect($"http://localhost:{context.Connection.LocalPort}/api/credentials"));
        });
        var port = peer.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var policy = new OutboundPolicy([], () => [new ConfinedOrigin(new Uri($"http://127.0.0.1:{port}"), "/sandbox/")]);

        var response = await CreateSut(policy).SendAsync(NoAuth("https://api.example.com"), new ApiRequest(HttpMethod.Get, url.Replace("{port}", port, StringComparison.Ordinal)), Fast);

        Assert.Equal(0, response.StatusCode);
        // 127.1 is 127.0.0.1 once parsed, so the path check refuses it; the other names reach the address check.
        Assert.Matches("loopback|can only be called under /sandbox/", response.TransportError);
        Assert.Equal(0, calls);
    }

    [Fact]
    public async Task SendAsync_ConfinedOriginOutsideItsPath_IsRefused()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/api/credentials", () => Interlocked.Increment(ref calls));
            app.MapGet("/sandbox/items", () => "sandbox");
        });
        var policy = new OutboundPolicy([], () => [new ConfinedOrigin(peer.BaseAddress, "/sandbox/")]);
        var sut = CreateSut(policy);

        var refused = await sut.SendAsync(NoAuth(peer.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/api/credentials"), Fast);
        var allowed = await sut.SendAsync(NoAuth(peer.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/sandbox/items"), Fast);

        Assert.Contains("only be called under /sandbox/", refused.TransportError, StringComparison.Ordinal);
        Assert.Equal(0, calls);
        Assert.Equal("sandbox", allowed.Body);
    }

    [Fact]
    public async Task SendAsync_ClosedAndOpenPorts_GiveTheSameKindOfError()
    {
        await using var peer = await TestPeer.StartAsync(app => app.MapGet("/x", () => "x"));
        var closedPort = TestPeer.FreePort();
        var policy = new OutboundPolicy([AllowRule.Parse("127.0.0.1")]);

        var closed = await CreateSut(policy).SendAsync(NoAuth($"http://127.0.0.1:{closedPort}"), new ApiRequest(HttpMethod.Get, "/x"), Fast with { MaxRetries = 0 });

        Assert.Equal($"Could not connect to 127.0.0.1:{closedPort}.", closed.TransportError);
    }

    [Fact]
    public async Task SendAsync_BodyOverTheCap_IsATransportErrorNotRetried()
    {
        var calls = 0;
        await using var peer = await TestPeer.StartAsync(app =>
        {
            app.MapGet("/big", () =>
            {
                Interlocked.Increment(ref calls);
                return Results.Text(new string('x', 200_000));
            });
            app.MapGet("/chunked", async (HttpContext http) =>
            {
                Interlocked.Increment(ref calls);
                for (var i = 0; i < 50; i++)
                {
                    await http.Response.WriteAsync(new string('y', 10_000));
                    await http.Response.Body.FlushAsync();
                }
            });
        });
        var sut = CreateSut(new OutboundPolicy([AllowRule.Parse("127.0.0.1")]), maxResponseBytes: 100_000);

        var declared = await sut.SendAsync(NoAuth(peer.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/big"), Fast);
        var streamed = await sut.SendAsync(NoAuth(peer.BaseAddress.ToString()), new ApiRequest(HttpMethod.Get, "/chunked"), Fast);

        Assert.Contains("larger than the 100000 byte limit", declared.TransportError, StringComparison.Ordinal);
        Assert.Contains("larger than the 100000 byte limit", streamed.TransportError, StringComparison.Ordinal);
        Assert.Equal(2, calls);
    }

    [Fact]
    public void AllowRuleParse_BadEntry_NamesIt()
    {
        var ex = Assert.Throws<FormatException>(() => AllowRule.Parse("10.0.0.0/99"));
        Assert.Contains("10.0.0.0/99", ex.Message, StringComparison.Ordinal);
    }
}
