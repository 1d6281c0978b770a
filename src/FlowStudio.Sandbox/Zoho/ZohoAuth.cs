namespace FlowStudio.Sandbox.Zoho;

/// <summary>Checks <c>Authorization: Zoho-oauthtoken …</c> and the token's per-minute call limit.</summary>
internal sealed class ZohoAuth(ZohoStore store) : IEndpointFilter
{
    private const string Scheme = "Zoho-oauthtoken ";

    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var header = context.HttpContext.Request.Headers.Authorization.ToString();
        var token = header.StartsWith(Scheme, StringComparison.Ordinal) ? header[Scheme.Length..].Trim() : "";
        if (!store.IsValidToken(token))
        {
            return ValueTask.FromResult<object?>(ZohoErrors.InvalidToken());
        }

        return store.TryCountCall(token) ? next(context) : ValueTask.FromResult<object?>(ZohoErrors.TooManyRequests());
    }
}
