using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>
/// The accounts server's refresh-token grant. Zoho answers a bad client or refresh token with HTTP 200 and an
/// <c>error</c> body, not with a 4xx.
/// </summary>
internal static class ZohoOAuthApi
{
    public static RouteGroupBuilder MapZohoOAuthApi(this RouteGroupBuilder group)
    {
        group.MapPost("/oauth/v2/token", TokenAsync);
        return group;
    }

    private static async Task<IResult> TokenAsync(HttpRequest request, ZohoStore store)
    {
        var form = request.HasFormContentType ? await request.ReadFormAsync(request.HttpContext.RequestAborted) : FormCollection.Empty;
        string Value(string name) => form.TryGetValue(name, out var v) ? v.ToString() : request.Query[name].ToString();

        if (Value("grant_type") != "refresh_token")
        {
            return Error("unsupported_grant_type");
        }

        if (Value("client_id") != ZohoAccount.ClientId || Value("client_secret") != ZohoAccount.ClientSecret)
        {
            return Error("invalid_client");
        }

        if (Value("refresh_token") != ZohoAccount.RefreshToken)
        {
            return Error("invalid_code");
        }

        var apiDomain = $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path.Value![..^"/oauth/v2/token".Length]}";
        return ZohoJson.Result(new JsonObject
        {
            ["access_token"] = store.IssueToken(),
            ["scope"] = ZohoAccount.Scope,
            ["api_domain"] = apiDomain,
            ["token_type"] = "Bearer",
            ["expires_in"] = store.Options.AccessTokenSeconds,
        });
    }

    private static IResult Error(string error) => ZohoJson.Result(new JsonObject { ["error"] = error });
}
