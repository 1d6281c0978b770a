namespace FlowStudio.Engine.Sources;

/// <summary>
/// A source request that failed after retries (non-2xx status or no response), or whose response could not be read.
/// Carries the API's status and body (credentials masked) so the user sees what the API said.
/// </summary>
public sealed class SourceRequestException : Exception
{
    private const int MaxBodyInMessage = 1000;

    public SourceRequestException(string method, string url, int statusCode, string responseBody, string? reason = null, Exception? inner = null)
        : base(Describe(method, url, statusCode, responseBody, reason), inner)
    {
        Method = method;
        Url = url;
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    public string Method { get; }

    public string Url { get; }

    /// <summary>The HTTP status, or 0 when no response arrived.</summary>
    public int StatusCode { get; }

    /// <summary>The API's response body ("" when none).</summary>
    public string ResponseBody { get; }

    private static string Describe(string method, string url, int status, string body, string? reason)
    {
        var what = $"{method} {url}";
        if (status == 0)
        {
            return $"{what} got no response: {reason ?? "the connection failed"}";
        }

        if (reason is not null)
        {
            return $"{what} returned HTTP {status}, but the response could not be read: {reason}";
        }

        var shown = body.Length > MaxBodyInMessage ? body[..MaxBodyInMessage] + "…" : body;
        return string.IsNullOrWhiteSpace(shown) ? $"{what} returned HTTP {status}." : $"{what} returned HTTP {status}: {shown}";
    }
}
