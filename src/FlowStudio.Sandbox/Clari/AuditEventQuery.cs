using System.Globalization;
using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>The audit filters shared by <c>GET /audit/events</c> (query) and <c>POST /export/audit/events</c> (body).</summary>
internal sealed record AuditEventQuery(
    string? ActorId,
    string? ImpersonatingActorId,
    string? SessionId,
    string? SessionType,
    DateTimeOffset DateFrom,
    DateTimeOffset DateTo,
    string? Event)
{
    public static (AuditEventQuery? Query, IResult? Error) FromQuery(IQueryCollection query, DateTimeOffset now) =>
        Parse(name => query[name].ToString() is { Length: > 0 } value ? value : null, now);

    public static (AuditEventQuery? Query, IResult? Error) FromBody(JsonElement body, DateTimeOffset now)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, ClariErrors.Audit("invalid_request", "The request body must be a JSON object.", "body", body.GetRawText()));
        }

        return Parse(name => body.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()
            : null, now);
    }

    public bool Matches(AuditEvent item) =>
        (ActorId is null || item.ActorId == ActorId)
        && (ImpersonatingActorId is null || item.ImpersonatingActorId == ImpersonatingActorId)
        && (SessionId is null || string.Equals(item.SessionId, SessionId, StringComparison.OrdinalIgnoreCase))
        && (SessionType is null || item.SessionType == SessionType)
        && (Event is null || item.Event == Event || item.Event.StartsWith(Event + ".", StringComparison.Ordinal))
        && item.Timestamp >= DateFrom && item.Timestamp <= DateTo;

    private static (AuditEventQuery?, IResult?) Parse(Func<string, string?> get, DateTimeOffset now)
    {
        foreach (var name in (string[])["actorId", "impersonatingActorId"])
        {
            if (get(name) is { } id && !long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            {
                return (null, Invalid(name, id, "an integer"));
            }
        }

        if (get("sessionId") is { } session && !Guid.TryParse(session, out _))
        {
            return (null, Invalid("sessionId", session, "a UUID"));
        }

        var sessionType = get("sessionType");
        if (sessionType is not (null or "WEB" or "IOS" or "ANDROID"))
        {
            return (null, Invalid("sessionType", sessionType, "one of [WEB, IOS, ANDROID]"));
        }

        var from = now.AddDays(-30);
        var to = now;
        if (get("dateFrom") is { } fromText && !TryDate(fromText, out from))
        {
            return (null, Invalid("dateFrom", fromText, "an ISO 8601 date or date-time"));
        }

        if (get("dateTo") is { } toText && !TryDate(toText, out to))
        {
            return (null, Invalid("dateTo", toText, "an ISO 8601 date or date-time"));
        }

        return (new AuditEventQuery(get("actorId"), get("impersonatingActorId"), get("sessionId"), sessionType, from, to, get("event")), null);
    }

    private static bool TryDate(string text, out DateTimeOffset value) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out value);

    private static IResult Invalid(string name, string value, string expected) =>
        ClariErrors.Audit("invalid_parameter", $"Invalid value for {name}.", name, $"'{value}' is not {expected}.");
}
