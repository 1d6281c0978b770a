using System.Globalization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// Builds a forecast deterministically from the seed: reps' numbers come from a stable hash, managers' are the
/// sums of the reps below them, and numbers grow week over week through the quarter.
/// </summary>
internal static class ForecastReport
{
    private static readonly IReadOnlyDictionary<string, decimal> FieldWeights = new Dictionary<string, decimal>
    {
        ["commit"] = 1m, ["most_likely"] = 1.25m, ["best_case"] = 1.5m, ["pipeline"] = 3m,
    };

    /// <param name="latestWeekOnly">GET forecast returns only the latest week, whatever includeHistorical says.</param>
    public static ForecastPayload Build(ForecastTab tab, ForecastOptions options, IReadOnlyList<ForecastUser> users, DateOnly today, bool latestWeekOnly)
    {
        var period = options.TimePeriod;
        var current = period.CurrentWeek(today);
        List<int> weeks = latestWeekOnly || !options.IncludeHistorical ? [current] : Enumerable.Range(1, current).ToList();
        var rate = ForecastOptions.Rates[options.Currency];
        var callTypes = options.TypesToExport.Any(type => type != "quota");

        var entries = new List<ForecastEntry>();
        foreach (var week in weeks)
        {
            var timeFrameId = TimeFrameId(period, week);
            foreach (var user in users)
            {
                foreach (var field in tab.Fields)
                {
                    if (field.FieldType == "quota" && options.Wants("quota"))
                    {
                        entries.Add(new ForecastEntry(field.FieldId, timeFrameId, period.Id, user.UserId,
                            QuotaValue: Money(Sum(user, rep => RepQuota(tab, rep, period)), rate)));
                    }
                    else if (field.FieldType != "quota" && callTypes)
                    {
                        entries.Add(CallEntry(tab, options, field, user, week, timeFrameId, rate));
                    }
                }
            }
        }

        return new ForecastPayload(
            entries,
            tab.Fields,
            weeks.Select(week => TimeFrame(period, week)).ToList(),
            [TimePeriod(period)],
            users);
    }

    public static string TimeFrameId(FiscalQuarter period, int week) => $"{period.Id}_W{week:D2}";

    private static ForecastEntry CallEntry(
        ForecastTab tab, ForecastOptions options, ForecastField field, ForecastUser user, int week, string timeFrameId, decimal rate)
    {
        var period = options.TimePeriod;
        var value = Sum(user, rep => RepCall(tab, rep, field, period, week));
        var progress = (decimal)week / period.WeekCount;
        var key = $"{tab.ForecastId}|{user.UserId}|{field.FieldId}|{period.Id}|{week}";
        return new ForecastEntry(
            field.FieldId, timeFrameId, period.Id, user.UserId,
            ForecastValue: options.Wants("forecast") ? Money(value, rate) : null,
            IsUpdated: options.Wants("forecast_updated") ? StableHash.Fraction(key + "|updated") < 0.7 : null,
            AdjustmentValue: options.Wants("adjustment") ? Money(value * (0.9m + (0.2m * (decimal)StableHash.Fraction(key + "|adjust"))), rate) : null,
            CrmTotalValue: options.Wants("crm_total") ? Money(value * 1.8m, rate) : null,
            CrmClosedValue: options.Wants("crm_closed") ? Money(value * 0.35m * progress, rate) : null);
    }

    private static decimal RepCall(ForecastTab tab, ForecastUser rep, ForecastField field, FiscalQuarter period, int week)
    {
        var share = 0.3m + (0.7m * (decimal)StableHash.Fraction($"{tab.ForecastId}|{rep.UserId}|{period.Id}|call"));
        var growth = 0.55m + (0.45m * week / period.WeekCount);
        return tab.Scale * share * growth * FieldWeights.GetValueOrDefault(field.FieldId, 1m);
    }

    private static decimal RepQuota(ForecastTab tab, ForecastUser rep, FiscalQuarter period) =>
        tab.Scale * (0.9m + (0.3m * (decimal)StableHash.Fraction($"{tab.ForecastId}|{rep.UserId}|{period.Id}|quota")));

    /// <summary>A rep's own number, or the sum over the reps below a manager.</summary>
    private static decimal Sum(ForecastUser user, Func<ForecastUser, decimal> repValue) =>
        user.ScopeId.EndsWith("::REP", StringComparison.Ordinal)
            ? repValue(user)
            : ClariSeedData.Reps.Where(rep => ClariSeedData.IsBelow(rep, user)).Sum(repValue);

    private static decimal Money(decimal value, decimal rate) => Math.Round(value * rate, 2, MidpointRounding.AwayFromZero);

    private static ForecastTimeFrame TimeFrame(FiscalQuarter period, int week)
    {
        var (start, end) = period.Week(week);
        return new ForecastTimeFrame(TimeFrameId(period, week), Date(start), Date(end));
    }

    private static ForecastTimePeriod TimePeriod(FiscalQuarter period) =>
        new(period.Id, $"026Sb{period.Year:D4}{period.Quarter:D2}0000AAE", period.Label, "quarter",
            period.Year.ToString(CultureInfo.InvariantCulture), Date(period.Start), Date(period.End));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
