using System.Globalization;
using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// The body of <c>POST /export/activity</c>. Only the date and the UTC offset of startDate/endDate count, not the time,
/// so the range runs from the start of startDate's day to the end of endDate's day, each in its own offset.
/// </summary>
internal sealed record ActivityExportRequest(IReadOnlyList<string> ActivityTypes, DateTimeOffset? From, DateTimeOffset? Until)
{
    public static (ActivityExportRequest? Request, IResult? Error) Read(string text)
    {
        JsonElement body;
        try
        {
            using var document = JsonDocument.Parse(text.Trim().Length == 0 ? "{}" : text);
            body = document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return (null, ClariErrors.Activity($"The request body was malformed: {text}"));
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            return (null, ClariErrors.Activity($"The request body was malformed: {text}"));
        }

        var types = ActivitySeed.Types;
        if (body.TryGetProperty("activityTypes", out var requested) && requested.ValueKind != JsonValueKind.Null)
        {
            var values = requested.ValueKind == JsonValueKind.Array ? requested.EnumerateArray().Select(item => item.ToString()).ToList() : null;
            var invalid = values?.Where(value => !ActivitySeed.Types.Contains(value)).ToList();
            if (values is null || invalid!.Count > 0)
            {
                return (null, ClariErrors.Activity(
                    $"Invalid activityTypes: [{string.Join(", ", invalid ?? [requested.ToString()])}]. Supported activityTypes are [{string.Join(", ", ActivitySeed.Types)}]"));
            }

            types = values.Count == 0 ? ActivitySeed.Types : values.Distinct().ToList();
        }

        if (body.TryGetProperty("exportFormat", out var format) && format.ValueKind != JsonValueKind.Null && format.ToString() != "JSON")
        {
            return (null, ClariErrors.Activity($"Invalid exportFormat: {format}. Supported exportFormat is [JSON]"));
        }

        var (from, fromError) = Date(body, "startDate", endOfDay: false);
        var (until, untilError) = Date(body, "endDate", endOfDay: true);
        if ((fromError ?? untilError) is { } error)
        {
            return (null, error);
        }

        return from > until
            ? (null, ClariErrors.Activity("startDate must not be after endDate"))
            : (new ActivityExportRequest(types, from, until), null);
    }

    public bool Matches(Activity activity) =>
        ActivityTypes.Contains(activity.ActivityType)
        && (From is null || activity.Date >= From.Value.ToUnixTimeMilliseconds())
        && (Until is null || activity.Date <= Until.Value.ToUnixTimeMilliseconds());

    private static (DateTimeOffset? Value, IResult? Error) Date(JsonElement body, string name, bool endOfDay)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return (null, null);
        }

        if (value.ValueKind != JsonValueKind.String
            || !DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return (null, ClariErrors.Activity($"{name} must be an ISO-8601 date-time with a UTC offset, for example 2023-03-10T00:00:00Z"));
        }

        var dayStart = new DateTimeOffset(parsed.Date, parsed.Offset);
        return (endOfDay ? dayStart.AddDays(1).AddTicks(-1) : dayStart, null);
    }
}
