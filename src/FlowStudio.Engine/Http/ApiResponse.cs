namespace FlowStudio.Engine.Http;

/// <summary>
/// The final answer to an <see cref="ApiRequest"/> after retries. Secrets of the connection are masked.
/// </summary>
/// <param name="StatusCode">The HTTP status, or 0 when no HTTP response arrived at all (see <paramref name="TransportError"/>).</param>
/// <param name="Body">The response body as text ("" when none).</param>
/// <param name="Headers">Response and content headers (case-insensitive names; repeated values joined with ", ").</param>
/// <param name="Duration">Wall time of the whole call, retries and waits included.</param>
/// <param name="Attempts">How many HTTP attempts were made (1 when the first one was final).</param>
/// <param name="TransportError">Why no response arrived (connection refused or dropped, timeout), else null.</param>
public sealed record ApiResponse(
    int StatusCode,
    string Body,
    IReadOnlyDictionary<string, string> Headers,
    TimeSpan Duration,
    int Attempts,
    string? TransportError)
{
    /// <summary>True for a 2xx status.</summary>
    public bool IsSuccess => StatusCode is >= 200 and <= 299;
}
