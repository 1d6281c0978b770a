using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Credentials;

internal static class CredentialsApi
{
    public static RouteGroupBuilder MapCredentialsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/credentials").WithTags("Credentials");
        group.MapGet("/", ListAsync).WithName("ListCredentials");
        group.MapGet("/{id}", GetAsync).WithName("GetCredential");
        // Every role reads the masked list; only owners add, edit, delete or test credentials.
        group.MapPost("/", CreateAsync).WithName("CreateCredential").RequireAuthorization(AccountPolicies.Owner);
        group.MapPut("/{id}", UpdateAsync).WithName("UpdateCredential").RequireAuthorization(AccountPolicies.Owner);
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

    private static async Task<IResult> UpdateAsync(string id, UpdateCredentialRequest request, CredentialService credentials, CancellationToken cancellationToken)
    {
        var (updated, errors, nameTaken) = await credentials.UpdateAsync(id, request, cancellationToken);
        return updated is not null ? TypedResults.Ok(updated)
            : errors.Count == 0 ? ApiProblems.NotFound("Credential", id)
            : nameTaken ? ApiProblems.Invalid(errors, StatusCodes.Status409Conflict)
            : ApiProblems.Invalid(errors);
    }

    private static async Task<IResult> TestAsync(string id, ConnectionTester tester, CancellationToken cancellationToken) =>
        await tester.TestAsync(id, cancellationToken) is { } result ? TypedResults.Ok(result) : ApiProblems.NotFound("Credential", id);

    private static async Task<IResult> DeleteAsync(string id, CredentialService credentials, CancellationToken cancellationToken)
    {
        var deletion = await credentials.DeleteAsync(id, cancellationToken);
        return deletion switch
        {
            { Found: false } => ApiProblems.NotFound("Credential", id),
            { Deleted: true } => TypedResults.NoContent(),
            _ => TypedResults.Problem(
                detail: deletion.Refusal,
                statusCode: StatusCodes.Status409Conflict,
                title: "The credential is in use.",
                extensions: new Dictionary<string, object?> { ["dependents"] = deletion.Dependents }),
        };
    }
}
