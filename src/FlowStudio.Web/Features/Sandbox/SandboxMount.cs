using FlowStudio.Sandbox;
using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Features.Audit;

namespace FlowStudio.Web.Features.Sandbox;

/// <summary>
/// The simulators mounted in the host. Their vendor paths keep the vendors' own authentication (the engine calls them
/// like the real APIs); the control endpoints (<c>/sandbox/_state</c>, <c>_faults</c>, <c>_reset</c>) need an editor,
/// like the rest of FlowStudio. The standalone sandbox leaves its control endpoints open.
/// </summary>
internal static class SandboxMount
{
    public static void MapMountedSandbox(this IEndpointRouteBuilder app)
    {
        var mount = app.MapGroup("");
        mount.MapSandbox();
        ((IEndpointConventionBuilder)mount).Add(endpoint =>
        {
            if (endpoint is RouteEndpointBuilder { RoutePattern.RawText: { } pattern } && pattern.StartsWith("/sandbox/_", StringComparison.Ordinal))
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AuthorizeAttribute(AccountPolicies.Editor));
                AddFilter<CookieRequestCheck>(endpoint);
                AddFilter<AuditFilter>(endpoint);
            }
            else
            {
                endpoint.Metadata.Add(new Microsoft.AspNetCore.Authorization.AllowAnonymousAttribute());
            }
        });
    }

    private static void AddFilter<TFilter>(EndpointBuilder endpoint)
        where TFilter : IEndpointFilter =>
        endpoint.FilterFactories.Add((context, next) =>
        {
            var filter = ActivatorUtilities.CreateInstance<TFilter>(context.ApplicationServices);
            return invocation => filter.InvokeAsync(invocation, next);
        });
}
