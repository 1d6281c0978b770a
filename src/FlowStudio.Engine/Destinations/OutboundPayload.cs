using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// One request a destination sends (or shows as a sample payload), built by <see cref="PayloadBuilder"/>.
/// When <see cref="Error"/> is set the records could not be turned into a request (a URL field is missing, a
/// required field is empty, the grouping code failed): nothing is sent and these records fail with that error.
/// </summary>
/// <param name="Method">HTTP method in upper case.</param>
/// <param name="Url">Absolute URL, or a path resolved against the connection's base URL.</param>
/// <param name="Headers">The destination's own headers (the credential's auth headers are added when sent).</param>
/// <param name="Body">The request body as JSON text; empty when <paramref name="Kind"/> is None.</param>
/// <param name="Kind">How the body goes on the wire.</param>
/// <param name="RecordIds">The records this request carries.</param>
/// <param name="FilePart">Multipart part name when <paramref name="Kind"/> is MultipartJsonFile.</param>
/// <param name="Error">Why these records cannot be sent, or null.</param>
public sealed record OutboundPayload(
    string Method,
    string Url,
    IReadOnlyDictionary<string, string> Headers,
    string Body,
    RequestBodyKind Kind,
    IReadOnlyList<long> RecordIds,
    string FilePart = "FileData",
    string? Error = null)
{
    /// <summary>True when this payload is a request to send, false when it only reports failed records.</summary>
    public bool CanSend => Error is null;

    /// <summary>The <see cref="ApiRequest"/> that sends this payload.</summary>
    public ApiRequest ToRequest() =>
        new(new HttpMethod(Method), Url, Headers, Kind == RequestBodyKind.None ? null : Body, Kind, FilePart);
}
