namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Writes one record's stored bytes, as <c>Results.Json</c> would write the record.</summary>
internal sealed class StoredRecordResult(ReadOnlyMemory<byte> json, int statusCode = StatusCodes.Status200OK) : IResult
{
    /// <summary>The content type <c>Results.Json</c> sends.</summary>
    public const string ContentType = "application/json; charset=utf-8";

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.ContentType = ContentType;
        await response.BodyWriter.WriteAsync(json, httpContext.RequestAborted);
    }
}
