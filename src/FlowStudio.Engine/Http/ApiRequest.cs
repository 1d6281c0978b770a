namespace FlowStudio.Engine.Http;

/// <summary>How <see cref="ApiRequest.Body"/> goes on the wire.</summary>
public enum RequestBodyKind
{
    /// <summary>No body, whatever <see cref="ApiRequest.Body"/> holds.</summary>
    None,

    /// <summary>The body text as it is, sent as <c>application/json</c> unless a <c>Content-Type</c> header names another type.</summary>
    Json,

    /// <summary><c>multipart/form-data</c> with the body as one JSON file part (Clari bulk ingest's <c>FileData</c>).</summary>
    MultipartJsonFile,
}

/// <summary>
/// One outbound HTTP call.
/// </summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Url">
/// Absolute http(s) URL, or a path joined to the connection's base URL with one slash
/// ("/v2/pulse/search" + "http://h/sandbox/clientsuccess" = "http://h/sandbox/clientsuccess/v2/pulse/search").
/// </param>
/// <param name="Headers">Extra headers; a <c>Content-Type</c> here replaces the body's default.</param>
/// <param name="Body">The request body text, sent when not null and <paramref name="BodyKind"/> is not None.</param>
/// <param name="BodyKind">How the body is encoded.</param>
/// <param name="FilePartName">The multipart part name for <see cref="RequestBodyKind.MultipartJsonFile"/>.</param>
public sealed record ApiRequest(
    HttpMethod Method,
    string Url,
    IReadOnlyDictionary<string, string>? Headers = null,
    string? Body = null,
    RequestBodyKind BodyKind = RequestBodyKind.Json,
    string FilePartName = "FileData");
