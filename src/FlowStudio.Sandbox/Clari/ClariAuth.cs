namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// Checks the <c>apikey</c> header (the gateway's 401) and, for ingestion, the <c>partnerkey</c> header.
/// The ingest job status route words its 401 with <c>error</c> instead of <c>message</c>, as the spec shows.
/// </summary>
internal sealed class ClariAuth(bool requirePartnerKey, bool errorWording) : IEndpointFilter
{
    public static readonly ClariAuth ApiKey = new(requirePartnerKey: false, errorWording: false);
    public static readonly ClariAuth Ingest = new(requirePartnerKey: true, errorWording: false);
    public static readonly ClariAuth IngestJob = new(requirePartnerKey: true, errorWording: true);

    private const string InvalidCredentials = "Invalid authentication credentials";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var headers = context.HttpContext.Request.Headers;
        if (!string.Equals(headers["apikey"].ToString(), ClariAccount.ApiKey, StringComparison.Ordinal))
        {
            object body = errorWording ? new { error = InvalidCredentials } : new { message = InvalidCredentials };
            return ValueTask.FromResult<object?>(ClariJson.Result(body, statusCode: StatusCodes.Status401Unauthorized));
        }

        if (requirePartnerKey && !string.Equals(headers["partnerkey"].ToString(), ClariAccount.PartnerKey, StringComparison.Ordinal))
        {
            return ValueTask.FromResult<object?>(ClariErrors.Ingest(
                StatusCodes.Status401Unauthorized, new IngestError("INVALID_PARTNER_KEY", "Unauthorized PartnerKey")));
        }

        return next(context);
    }
}
