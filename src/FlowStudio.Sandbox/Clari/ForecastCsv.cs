using System.Globalization;
using System.Text;

namespace FlowStudio.Sandbox.Clari;

/// <summary>A forecast export as CSV, with the columns of the spec's example (one row per user, field, week and data type).</summary>
internal static class ForecastCsv
{
    private static readonly string[] Header =
        ["User", "Email", "CRM User ID", "Role", "Parent Role", "Timeframe", "Field", "Week", "Start Day", "End Day", "Data Type", "Data Value"];

    public static string Write(ForecastPayload payload, ForecastOptions options)
    {
        var builder = new StringBuilder();
        AppendRow(builder, Header);
        var users = payload.Users.ToDictionary(user => user.UserId);
        var fields = payload.Fields.ToDictionary(field => field.FieldId);
        var frames = payload.TimeFrames.ToDictionary(frame => frame.TimeFrameId);
        var period = payload.TimePeriods[0];
        foreach (var entry in payload.Entries)
        {
            var user = users[entry.UserId];
            var frame = frames[entry.TimeFrameId];
            foreach (var (type, value) in Values(entry, options.Currency))
            {
                AppendRow(builder,
                [
                    user.Name, user.Email, user.CrmId, user.HierarchyName, user.ParentHierarchyName ?? "", period.Label,
                    fields[entry.FieldId].FieldName, frame.TimeFrameId[^2..].TrimStart('0'), UsDate(frame.StartDate), UsDate(frame.EndDate), type, value,
                ]);
            }
        }

        return builder.ToString();
    }

    private static IEnumerable<(string Type, string Value)> Values(ForecastEntry entry, string currency)
    {
        if (entry.ForecastValue is { } forecast)
        {
            yield return ("Forecast Value", Money(forecast, currency));
        }

        if (entry.IsUpdated is { } updated)
        {
            yield return ("Forecast Updated", updated ? "Yes" : "No");
        }

        if (entry.AdjustmentValue is { } adjustment)
        {
            yield return ("Adjustment Value", Money(adjustment, currency));
        }

        if (entry.QuotaValue is { } quota)
        {
            yield return ("Quota Value", Money(quota, currency));
        }
    }

    private static string Money(decimal value, string currency)
    {
        var number = value.ToString("#,##0.00", CultureInfo.InvariantCulture);
        return currency == "USD" ? "$" + number : $"{currency} {number}";
    }

    private static string UsDate(string isoDate) =>
        DateOnly.ParseExact(isoDate, "yyyy-MM-dd", CultureInfo.InvariantCulture).ToString("MM/dd/yyyy", CultureInfo.InvariantCulture);

    private static void AppendRow(StringBuilder builder, IEnumerable<string> cells)
    {
        builder.AppendJoin(',', cells.Select(Quote));
        builder.Append("\r\n");
    }

    private static string Quote(string cell) =>
        cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? $"\"{cell.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : cell;
}
