using System.Globalization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// The org's 250 audit events, newest first, one every 2 h 40 min back from the start of today (UTC), so all of them
/// fall in the default 30-day window and stay in the same order all day.
/// </summary>
internal static class AuditEventSeed
{
    public const int Count = 250;
    private static readonly TimeSpan Spacing = TimeSpan.FromMinutes(160);

    private static readonly string[] Events =
    [
        "user.login", "api.accessed", "forecast.viewed", "forecast.submitted", "opportunity.updated",
        "export.requested", "user.logout", "settings.updated",
    ];

    public static IReadOnlyList<AuditEvent> Build(DateTimeOffset now)
    {
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        var users = ClariSeedData.Users;
        return Enumerable.Range(0, Count).Select(i =>
        {
            var actor = users[(i * 7) % users.Count];
            var session = i / 3;
            var timestamp = dayStart - (Spacing * (i + 1));
            var eventName = Events[i % Events.Length];
            return new AuditEvent(
                StableHash.Uuid($"audit|{i}"),
                actor.UserId,
                i % 25 == 0 && actor != users[0] ? users[0].UserId : null,
                "USER",
                StableHash.Uuid($"session|{session}"),
                $"10.20.{session % 250}.{(i % 200) + 10}",
                (session % 11) switch { 3 => "IOS", 7 => "ANDROID", _ => "WEB" },
                eventName,
                Parameters(eventName, i),
                timestamp.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
                timestamp);
        }).ToList();
    }

    public static IReadOnlyList<AuditActor> ActorsOf(IEnumerable<AuditEvent> items)
    {
        var ids = items.SelectMany(item => new[] { item.ActorId, item.ImpersonatingActorId }.OfType<string>())
            .ToHashSet(StringComparer.Ordinal);
        return ClariSeedData.Users
            .Where(user => ids.Contains(user.UserId))
            .Select(user => new AuditActor("USER", user.UserId, user.Name, user.Email))
            .ToList();
    }

    private static Dictionary<string, string> Parameters(string eventName, int i) => eventName switch
    {
        "forecast.viewed" or "forecast.submitted" => new() { ["forecastId"] = ClariSeedData.Forecasts[i % ClariSeedData.Forecasts.Count].ForecastId },
        "opportunity.updated" => new() { ["opportunityId"] = ClariSeedData.Opportunities[i % ClariSeedData.Opportunities.Count].Id, ["field"] = "amount" },
        "api.accessed" => new() { ["path"] = "/v4/export/forecast", ["method"] = "POST" },
        _ => [],
    };
}
