using System.Globalization;
using Microsoft.AspNetCore.Http.Extensions;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// <c>GET /audit/events</c>, paged by <c>limit</c>. <c>nextLink</c> is the absolute URL of the next page, built from the
/// incoming request (so it works wherever the sandbox is mounted); the page position travels in <c>offset</c>.
/// </summary>
internal static class AuditEventsApi
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapAuditEventsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/audit/events", ListEvents);
        return group;
    }

    public static IResult ListEvents(HttpRequest request, ClariStore store)
    {
        var limitText = request.Query["limit"].ToString();
        var limit = DefaultLimit;
        if (limitText.Length > 0 && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
        {
            return ClariErrors.Audit("invalid_parameter", "Invalid value for limit.", "limit", $"'{limitText}' is not an integer between 1 and {MaxLimit}.");
        }

        var offsetText = request.Query["offset"].ToString();
        var offset = 0;
        if (offsetText.Length > 0 && !int.TryParse(offsetText, NumberStyles.None, CultureInfo.InvariantCulture, out offset))
        {
            return ClariErrors.Audit("invalid_parameter", "Invalid value for offset.", "offset", $"'{offsetText}' is not a page position.");
        }

        var now = store.Time.GetUtcNow();
        var (query, error) = AuditEventQuery.FromQuery(request.Query, now);
        if (query is null)
        {
            return error!;
        }

        var matching = AuditEventSeed.Build(now).Where(query.Matches).ToList();
        var items = matching.Skip(offset).Take(limit).ToList();
        var next = offset + items.Count;
        var nextLink = items.Count > 0 && next < matching.Count ? NextLink(request, next) : null;
        return ClariJson.Result(new AuditEventPage(nextLink, items, AuditEventSeed.ActorsOf(items)));
    }

    private static string NextLink(HttpRequest request, int offset)
    {
        var query = new QueryBuilder(request.Query
            .Where(pair => pair.Key != "offset")
            .SelectMany(pair => pair.Value.Select(value => new KeyValuePair<string, string>(pair.Key, value ?? ""))))
        {
            { "offset", offset.ToString(CultureInfo.InvariantCulture) },
        };
        return UriHelper.BuildAbsolute(request.Scheme, request.Host, request.PathBase, request.Path, query.ToQueryString());
    }
}
