using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Htmx;
using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Credentials;

internal static class CredentialsApi
{
    public static RouteGroupBuilder MapCredentialsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/credentials").WithTags("Credentials");
        group.MapGet("/", ListAsync).WithName("ListCredentials");
        group.MapGet("/{id}", GetAsync).WithName("GetCredential");
        // Every role reads the masked list; only owners add, delete or test credentials.
        group.MapPost("/", CreateAsync).WithName("CreateCredential").RequireAuthorization(AccountPolicies.Owner);
        group.MapDelete("/{id}", DeleteAsync).WithName("DeleteCredential").RequireAuthorization(AccountPolicies.Owner);
        group.MapPost("/{id}/test", TestAsync).WithName("TestCredential").RequireAuthorization(AccountPolicies.Owner);
        return api;
    }

    private static async Task<IResult> ListAsync(CredentialService credentials, CancellationToken cancellationToken) =>
        TypedResults.Ok(await credentials.ListAsync(cancellationToken));

    private static async Task<IResult> GetAsync(string id, CredentialService credentials, CancellationToken cancellationToken) =>
        await credentials.GetAsync(id, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("Credential", id);

    private static async Task<IResult> CreateAsync(CreateCredentialRequest request, CredentialService credentials, CancellationToken cancellationToken)
    {
        var (created, errors, nameTaken) = await credentials.CreateAsync(request, cancellationToken);
        return created is not null ? TypedResults.Created($"/api/credentials/{created.Id}", created)
            : nameTaken ? ApiProblems.Invalid(errors, StatusCodes.Status409Conflict)
            : ApiProblems.Invalid(errors);
    }

    private static async Task<IResult> TestAsync(string id, ConnectionTester tester, CancellationToken cancellationToken) =>
        await tester.TestAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : ApiProblems.NotFound("Credential", id);

    /// <summary>The credentials page's "Test connection" button: the same test, as a line of HTML.</summary>
    public static IEndpointRouteBuilder MapCredentialPages(this IEndpointRouteBuilder app)
    {
        app.MapPost("/credentials/{id}/test-connection", async (string id, ConnectionTester tester, CancellationToken cancellationToken) =>
        {
            var result = await tester.TestAsync(id, cancellationToken);
            var (css, text) = result is null ? ("text-danger", "This credential no longer exists.")
                : result.Ok ? ("text-success", result.Detail)
                : ("text-danger", result.Detail);
            return Results.Content($"<span class=\"connection-test-result {css}\">{System.Net.WebUtility.HtmlEncode(text)}</span>", "text/html");
        }).RequireAntiforgery().RequireAuthorization(AccountPolicies.Owner).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> DeleteAsync(string id, CredentialService credentials, CancellationToken cancellationToken) =>
        await credentials.DeleteAsync(id, cancellationToken) ? TypedResults.NoContent() : ApiProblems.NotFound("Credential", id);
}
