using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Audit;

internal static class AuditApi
{
    public static RouteGroupBuilder MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", ListAsync).WithName("ListAuditEntries").WithTags("Audit").RequireAuthorization(AccountPolicies.Owner);
        return api;
    }

    private static async Task<IResult> ListAsync(IAuditLog audit, int? limit, int? offset, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > 1000)
        {
            return ApiProblems.Invalid("limit", "Use a limit between 1 and 1000.");
        }

        return offset < 0
            ? ApiProblems.Invalid("offset", "Use an offset of 0 or more.")
            : TypedResults.Ok(await audit.ListAsync(limit ?? 100, offset ?? 0, cancellationToken));
    }
}
