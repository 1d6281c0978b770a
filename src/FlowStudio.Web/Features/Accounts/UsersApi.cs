using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Accounts;

/// <summary><c>/api/users</c> (owners): list, invite (answers the one-time set-password link), change role, remove.</summary>
internal static class UsersApi
{
    public static RouteGroupBuilder MapUsersApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users").RequireAuthorization(AccountPolicies.Owner);
        group.MapGet("/", ListAsync).WithName("ListUsers");
        group.MapPost("/", InviteAsync).WithName("InviteUser");
        group.MapPut("/{id}/role", ChangeRoleAsync).WithName("ChangeUserRole");
        group.MapDelete("/{id}", RemoveAsync).WithName("RemoveUser");
        return api;
    }

    private static async Task<IResult> ListAsync(UserService users, CancellationToken cancellationToken) =>
        TypedResults.Ok(await users.ListAsync(cancellationToken));

    private static async Task<IResult> InviteAsync(InviteUserRequest request, HttpRequest http, UserService users)
    {
        var (invitation, errors, emailTaken) = await users.InviteAsync(request);
        if (invitation is null)
        {
            return ApiProblems.Invalid(errors, emailTaken ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest);
        }

        var user = invitation.User;
        return TypedResults.Created($"/api/users/{user.Id}", new
        {
            user.Id,
            user.Email,
            user.Role,
            user.Status,
            user.CreatedAt,
            setPasswordUrl = $"{http.Scheme}://{http.Host}{invitation.SetPasswordUrl}",
        });
    }

    private static async Task<IResult> ChangeRoleAsync(string id, ChangeRoleRequest request, UserService users, CancellationToken cancellationToken)
    {
        var (user, errors, lastOwner) = await users.ChangeRoleAsync(id, request.Role, cancellationToken);
        return user is not null ? TypedResults.Ok(user)
            : lastOwner ? ApiProblems.Invalid(errors, StatusCodes.Status409Conflict)
            : errors.Count > 0 ? ApiProblems.Invalid(errors)
            : ApiProblems.NotFound("User", id);
    }

    private static async Task<IResult> RemoveAsync(string id, UserService users, CancellationToken cancellationToken) =>
        await users.RemoveAsync(id, cancellationToken) switch
        {
            UserRemoval.Removed => TypedResults.NoContent(),
            UserRemoval.LastOwner => ApiProblems.Conflict("This is the last owner: make another user an owner before removing this one."),
            _ => ApiProblems.NotFound("User", id),
        };
}
