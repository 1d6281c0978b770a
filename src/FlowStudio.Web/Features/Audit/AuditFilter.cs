using System.Reflection;
using FlowStudio.Web.Features.Accounts;

namespace FlowStudio.Web.Features.Audit;

/// <summary>
/// On the API and page action routes: after a request that changed something succeeded, records who did what to which
/// resource. The resource id comes from the route, else from what the request created. (Filters live as long as their
/// endpoint: the audit log, which is scoped, comes from the request.)
/// </summary>
internal sealed class AuditFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var result = await next(context);
        var http = context.HttpContext;
        if (http.User.Identity?.IsAuthenticated != true
            || HttpMethods.IsGet(http.Request.Method) || HttpMethods.IsHead(http.Request.Method)
            || !Succeeded(result, http)
            || http.GetEndpoint() is not RouteEndpoint { RoutePattern.RawText: { } pattern }
            || AuditRoute.Describe(http.Request.Method, pattern) is not { } change)
        {
            return result;
        }

        // The change is made: record it even if the caller has gone away meanwhile.
        var audit = http.RequestServices.GetRequiredService<IAuditLog>();
        await audit.RecordAsync(http.User, change.Action, change.Resource, ResourceId(http, result, change.Action == AuditAction.Create), CancellationToken.None);
        return result;
    }

    private static bool Succeeded(object? result, HttpContext http) => result switch
    {
        IStatusCodeHttpResult { StatusCode: { } status } => status < 400,
        _ => http.Response.StatusCode < 400,
    };

    /// <summary>
    /// The resource the change is about: what it <paramref name="created"/> (a rule created under its source is the
    /// rule), else the route's most specific id, else what the request created.
    /// </summary>
    private static string? ResourceId(HttpContext http, object? result, bool created)
    {
        var made = result is IValueHttpResult { Value: { } value }
            ? value.GetType().GetProperty("id", BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)?.GetValue(value) as string
            : null;
        if (created && made is not null)
        {
            return made;
        }

        foreach (var name in (string[])["ruleId", "id", "sourceId"])
        {
            if (http.GetRouteValue(name) is string id)
            {
                return id;
            }
        }

        if (made is not null)
        {
            return made;
        }

        // A page's create answers with the new resource's page: /sources/{id}.
        var location = http.Response.Headers["HX-Redirect"].FirstOrDefault() ?? http.Response.Headers.Location.FirstOrDefault();
        return location?.Split('/', StringSplitOptions.RemoveEmptyEntries) is [_, var last] ? Uri.UnescapeDataString(last) : null;
    }
}
