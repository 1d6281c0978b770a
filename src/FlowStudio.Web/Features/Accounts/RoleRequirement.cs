using Microsoft.AspNetCore.Authorization;

namespace FlowStudio.Web.Features.Accounts;

/// <summary>
/// The user's role is at least <paramref name="Minimum"/>; with <paramref name="ChangesOnly"/>, only for requests that
/// change something (reads are open to every signed-in user). Handles itself. A page shown by the router (the resource
/// is its route, not a request) is a read: changes made from an interactive page are checked by <c>UiCalls</c>.
/// </summary>
internal sealed record RoleRequirement(AccountRole Minimum, bool ChangesOnly) : IAuthorizationRequirement, IAuthorizationHandler
{
    public Task HandleAsync(AuthorizationHandlerContext context)
    {
        var isRead = context.Resource is not HttpContext http
            || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method) || HttpMethods.IsOptions(http.Request.Method);
        if ((ChangesOnly && isRead) || context.User.IsAtLeast(Minimum))
        {
            context.Succeed(this);
        }

        return Task.CompletedTask;
    }
}
