using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Security;

/// <summary>The attacker's findings on bad input: each answered with a 4xx problem document, never a 500 or an HTML page.</summary>
[Collection(AppCollection.Name)]
public sealed class HostileInputTests(FlowStudioApp app)
{
    private static async Task<(HttpStatusCode Status, string? ContentType, string Body)> SendAsync(HttpClient client, HttpMethod method, string url, string body, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        using var response = await client.SendAsync(request);
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync());
    }

    private static void AssertProblem((HttpStatusCode Status, string? ContentType, string Body) answer, int expected, string mentions)
    {
        Assert.True((int)answer.Status == expected, $"answered {(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.ContentType);
        Assert.Contains(mentions, JsonDocument.Parse(answer.Body).RootElement.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Post_UnknownCharset_Is415Problem()
    {
        using var client = app.CreateClient();

        var answer = await SendAsync(client, HttpMethod.Post, "/api/sources", "{\"name\":\"x\"}", "application/json; charset=ebcdic");

        AssertProblem(answer, 415, "charset");
    }

    [Theory]
    [InlineData("POST", "/api/sources", "text/plain", 415, "Content-Type: application/json")]
    [InlineData("DELETE", "/api/health", "application/json", 405, "does not take DELETE")]
    [InlineData("GET", "/api/no-such-route", "application/json", 404, "There is no /api/no-such-route")]
    public async Task AnswerWithoutABodyOfItsOwn_IsAProblemThatSaysWhatToDo(string method, string url, string contentType, int status, string mentions)
    {
        using var client = app.CreateClient();

        var answer = await SendAsync(client, new HttpMethod(method), url, "{\"name\":\"x\"}", contentType);

        AssertProblem(answer, status, mentions);
        Assert.Equal(status, JsonDocument.Parse(answer.Body).RootElement.GetProperty("status").GetInt32());
    }

    [Theory]
    [InlineData("/v2/client/search?d={now-2147483648}", null, "url")]
    [InlineData("/v2/client/search?d={now+100000}", "year", "url")]
    [InlineData("/v2/client/search?d={now+100000}", "month", "url")]
    [InlineData("/v2/client/search?d={now-99999999999999999999}", null, "url")]
    public async Task TestUnsaved_OverflowingDateMacro_Is400NamingUrl(string url, string? timeUnit, string field)
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var body = JsonSerializer.Serialize(new { name = "x", credentialId, manual = new { url, timeUnit, dataPath = "$.data[*]" } });

        var answer = await SendAsync(client, HttpMethod.Post, "/api/sources/test", body);

        AssertProblem(answer, 400, field);
    }

    [Theory]
    [InlineData("$..[?(@.a==")]
    [InlineData("$[-99999999999999999]")]
    [InlineData("$[?@.a=='b'")]
    [InlineData("$[")]
    public async Task TestUnsaved_BrokenDataPath_Is400NamingDataPath(string dataPath)
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var body = JsonSerializer.Serialize(new { name = "x", credentialId, manual = new { url = "/v2/client/search", dataPath } });

        var answer = await SendAsync(client, HttpMethod.Post, "/api/sources/test", body);

        Assert.True((int)answer.Status is 400 or 422, $"answered {(int)answer.Status}: {answer.Body}");
        Assert.Equal("application/problem+json", answer.ContentType);
    }

    [Fact]
    public async Task CreateSource_OneMegabyteName_IsRefusedNamingTheField()
    {
        using var client = app.CreateClient();
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var body = JsonSerializer.Serialize(new { name = new string('n', 1_000_000), credentialId, templateId = "clientsuccess.search-pulses" });

        var answer = await SendAsync(client, HttpMethod.Post, "/api/sources", body);

        AssertProblem(answer, 400, "name: Use at most 200 characters");
        var list = await client.GetStringAsync("/api/sources");
        Assert.DoesNotContain(new string('n', 1000), list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Post_BodyOverTheCap_Is413Problem()
    {
        using var client = app.CreateClient();

        // The client waits for "100 Continue" before sending the body, as large uploads should: the server refuses first.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/lookups")
        {
            Content = new StringContent("{\"name\":\"" + new string('x', 5 * 1024 * 1024) + "\"}", Encoding.UTF8, "application/json"),
        };
        request.Headers.ExpectContinue = true;
        using var response = await client.SendAsync(request);

        AssertProblem((response.StatusCode, response.Content.Headers.ContentType?.MediaType, await response.Content.ReadAsStringAsync()), 413, "larger than");
    }

    [Fact]
    public async Task Responses_CarrySecurityHeaders()
    {
        using var client = app.CreateClient();

        using var page = await client.GetAsync("/api/health");

        Assert.Contains("script-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", page.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task UnknownHostHeader_IsRefused()
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/health");
        request.Headers.Host = "evil.example.com";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
