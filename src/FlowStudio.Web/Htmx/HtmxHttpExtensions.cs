using System.Text.Json;

namespace FlowStudio.Web.Htmx;

/// <summary>
/// The htmx request and response headers (https://htmx.org/reference/#headers): all the glue the server needs
/// to answer an htmx request with a fragment and tell the page what to do next.
/// </summary>
internal static class HtmxHttpExtensions
{
    /// <summary>True when htmx sent the request (it adds <c>HX-Request: true</c>).</summary>
    public static bool IsHtmx(this HttpRequest request) =>
        string.Equals(request.Headers["HX-Request"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>True when the request comes from an <c>hx-boost</c>ed link or form, which expects a whole page.</summary>
    public static bool IsHtmxBoosted(this HttpRequest request) =>
        request.IsHtmx() && string.Equals(request.Headers["HX-Boosted"], "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The id of the element that triggered the request, if it has one.</summary>
    public static string? HtmxTriggerId(this HttpRequest request) =>
        request.Headers["HX-Trigger"] is { Count: > 0 } value ? value.ToString() : null;

    /// <summary>Raises a client-side event after the swap; listeners read <paramref name="detail"/> as <c>event.detail.value</c>.</summary>
    public static HttpResponse HtmxTrigger(this HttpResponse response, string eventName, object? detail = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(eventName);
        if (detail is null && !response.Headers.ContainsKey("HX-Trigger"))
        {
            response.Headers["HX-Trigger"] = eventName;
            return response;
        }

        var events = ReadTriggerEvents(response.Headers["HX-Trigger"].ToString());
        events[eventName] = detail;
        response.Headers["HX-Trigger"] = JsonSerializer.Serialize(events);
        return response;
    }

    /// <summary>Makes htmx load <paramref name="url"/> as a whole new page.</summary>
    public static HttpResponse HtmxRedirect(this HttpResponse response, string url) => Set(response, "HX-Redirect", url);

    /// <summary>Swaps the answer into the element matched by <paramref name="cssSelector"/> instead of the request's target.</summary>
    public static HttpResponse HtmxRetarget(this HttpResponse response, string cssSelector) => Set(response, "HX-Retarget", cssSelector);

    /// <summary>Overrides how the answer is swapped in (<c>innerHTML</c>, <c>outerHTML</c>, <c>beforeend</c>, <c>none</c>, ...).</summary>
    public static HttpResponse HtmxReswap(this HttpResponse response, string swap) => Set(response, "HX-Reswap", swap);

    /// <summary>Pushes <paramref name="url"/> into the browser history, so back and reload keep the new state.</summary>
    public static HttpResponse HtmxPushUrl(this HttpResponse response, string url) => Set(response, "HX-Push-Url", url);

    private static HttpResponse Set(HttpResponse response, string header, string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        response.Headers[header] = value;
        return response;
    }

    // A second HX-Trigger call must not drop the first event: htmx reads one header, as a name or a JSON object.
    private static Dictionary<string, object?> ReadTriggerEvents(string header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return [];
        }

        if (header.TrimStart().StartsWith('{'))
        {
            return JsonSerializer.Deserialize<Dictionary<string, object?>>(header) ?? [];
        }

        return header.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .ToDictionary(name => name, _ => (object?)null);
    }
}
