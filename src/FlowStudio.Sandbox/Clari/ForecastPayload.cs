using System.Text.Json.Serialization;

namespace FlowStudio.Sandbox.Clari;

/// <summary>The forecast document of GET <c>/forecast/{id}</c> and of JSON forecast export results (reference §2.3).</summary>
internal sealed record ForecastPayload(
    IReadOnlyList<ForecastEntry> Entries,
    IReadOnlyList<ForecastField> Fields,
    IReadOnlyList<ForecastTimeFrame> TimeFrames,
    IReadOnlyList<ForecastTimePeriod> TimePeriods,
    IReadOnlyList<ForecastUser> Users);

/// <summary>
/// One value cell. <c>fieldId, timeFrameId, timePeriodId, userId, quotaValue</c> are confirmed; the other value keys
/// are inferred from the data types (GitLab's models expose forecast_value and is_updated). Only requested types appear.
/// </summary>
internal sealed record ForecastEntry(
    string FieldId,
    string TimeFrameId,
    string TimePeriodId,
    string UserId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? ForecastValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] bool? IsUpdated = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? AdjustmentValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? QuotaValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? CrmTotalValue = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] decimal? CrmClosedValue = null);

internal sealed record ForecastTimeFrame(string TimeFrameId, string StartDate, string EndDate);

internal sealed record ForecastTimePeriod(string TimePeriodId, string CrmId, string Label, string Type, string Year, string StartDate, string EndDate);
