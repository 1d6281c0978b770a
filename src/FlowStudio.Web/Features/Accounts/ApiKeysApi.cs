using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Accounts;

/// <summary><c>/api/api-keys</c>: the calling user's own keys, whatever their role. A new key is in the answer once.</summary>
internal static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/api-keys").WithTags("API keys");
        group.MapGet("/", ListAsync).WithName("ListApiKeys");
        group.MapPost("/", CreateAsync).WithName("CreateApiKey");
        group.MapDelete("/{id}", RevokeAsync).WithName("RevokeApiKey");
        return api;
    }

    private static async Task<IResult> ListAsync(HttpContext http, ApiKeyService keys, CancellationToken cancellationToken) =>
        TypedResults.Ok(await keys.ListAsync(http.User.UserId()!, cancellationToken));

    private static async Task<IResult> CreateAsync(CreateApiKeyRequest request, HttpContext http, ApiKeyService keys, CancellationToken cancellationToken)
    {
        var (created, errors) = await keys.CreateAsync(http.User.UserId()!, request.Name, cancellationToken);
        return created is null ? ApiProblems.Invalid(errors) : TypedResults.Created($"/api/api-keys/{created.Id}", created);
    }

    private static async Task<IResult> RevokeAsync(string id, HttpContext http, ApiKeyService keys, CancellationToken cancellationToken) =>
        await keys.RevokeAsync(http.User.UserId()!, id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("API key", id);
}
