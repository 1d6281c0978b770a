using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class ApiUrlsTests
{
    [Theory]
    [InlineData("http://h/sandbox/clientsuccess", "/v2/pulse/search", "http://h/sandbox/clientsuccess/v2/pulse/search")]
    [InlineData("http://h/sandbox/clientsuccess/", "/v2/pulse/search", "http://h/sandbox/clientsuccess/v2/pulse/search")]
    [InlineData("http://h/sandbox/clientsuccess/", "v2/pulse/search?page=0", "http://h/sandbox/clientsuccess/v2/pulse/search?page=0")]
    [InlineData("https://api.clari.com", "/v4/audit/events", "https://api.clari.com/v4/audit/events")]
    [InlineData("http://h/base", "https://other.example.com/x?y=1", "https://other.example.com/x?y=1")]
    public void Resolve_PathOrAbsoluteUrl_JoinsWithOneSlash(string baseUrl, string url, string expected) =>
        Assert.Equal(expected, ApiUrls.Resolve(new Uri(baseUrl), url));

    [Theory]
    [InlineData("https://api.example.com/v1", true)]
    [InlineData("http://127.0.0.1:5000/x", true)]
    [InlineData("/v2/pulse/search", false)]
    [InlineData("ftp://example.com/file", false)]
    [InlineData("api.example.com/v1", false)]
    public void IsAbsoluteHttp_OnlyHttpAndHttps(string url, bool expected) =>
        Assert.Equal(expected, ApiUrls.IsAbsoluteHttp(url));
}
