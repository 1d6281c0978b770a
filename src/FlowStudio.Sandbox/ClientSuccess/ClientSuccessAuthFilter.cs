namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// Every route but /v1/auth needs a live token in the raw Authorization header (a "Bearer " prefix is tolerated)
/// or the sandbox API key in Authorization or X-API-Key; anything else gets the real API's invalid_token 401.
/// </summary>
internal sealed class ClientSuccessAuthFilter(ClientSuccessStore store) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var apiKey = http.Request.Headers["X-API-Key"].ToString();
        var token = http.Request.Headers.Authorization.ToString().Trim();
        if (token.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            token = token["Bearer ".Length..].Trim();
        }

        if (apiKey == AccessTokens.SandboxApiKey || token == AccessTokens.SandboxApiKey || (token.Length > 0 && store.Tokens.IsValid(token)))
        {
            return await next(context);
        }

        var presented = token.Length > 0 ? token : apiKey;
        var quoted = new string(presented.Where(c => c is >= ' ' and <= '~' and not '"' and not '\\').ToArray());
        http.Response.Headers.WWWAuthenticate = $"Bearer realm=\"clientsuccess\", error=\"invalid_token\", error_description=\"{quoted}\"";
        return Results.Json(new { error = "invalid_token", error_description = presented }, statusCode: StatusCodes.Status401Unauthorized);
    }
}
