using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>POST /v1/auth: username and password as JSON, form or query string, traded for a 12-hour token.</summary>
internal static class ClientSuccessAuthApi
{
    public static RouteGroupBuilder MapClientSuccessAuth(this RouteGroupBuilder group)
    {
        group.MapPost("/v1/auth", AuthenticateAsync);
        return group;
    }

    private static async Task<IResult> AuthenticateAsync(HttpRequest request, ClientSuccessStore store)
    {
        var (username, password) = await ReadCredentialsAsync(request);
        if (!string.Equals(username, AccessTokens.SandboxUser, StringComparison.OrdinalIgnoreCase) || password != AccessTokens.SandboxPassword)
        {
            return Results.Json(new { code = "Unauthorized", message = string.Empty }, statusCode: StatusCodes.Status401Unauthorized);
        }

        var token = store.Tokens.Issue();
        request.HttpContext.Response.Headers.Authorization = token;
        return Results.Json(new { access_token = token, token_type = "Bearer", expires_in = AccessTokens.LifetimeSeconds });
    }

    private static async Task<(string? Username, string? Password)> ReadCredentialsAsync(HttpRequest request)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
            return (form["username"].FirstOrDefault(), form["password"].FirstOrDefault());
        }

        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                if (await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) is JsonObject body)
                {
                    return (Ids.Text(body["username"]), Ids.Text(body["password"]));
                }
            }
            catch (JsonException)
            {
                return (null, null);
            }
        }

        return (request.Query["username"].FirstOrDefault(), request.Query["password"].FirstOrDefault());
    }
}
