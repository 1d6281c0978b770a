using System.Globalization;

namespace FlowStudio.Application.Alerts;

/// <summary>The names the API uses for events and channels, and the words the screens and messages use for them.</summary>
internal static class AlertWords
{
    public static string Name(AlertEvent value) => CamelCase(value.ToString());

    public static string Name(AlertChannel value) => CamelCase(value.ToString());

    /// <summary>The rule's condition in a sentence's words: "A run fails", "More than 10 records fail in a run".</summary>
    public static string Condition(AlertEvent value, int? threshold) => value switch
    {
        AlertEvent.RunFailed => "A run fails",
        AlertEvent.FailedRecords => string.Create(CultureInfo.InvariantCulture,
            $"More than {threshold ?? 0:N0} {(threshold == 1 ? "record fails" : "records fail")} in a run"),
        AlertEvent.ZeroRecords => "The source reads zero records",
        _ => value.ToString(),
    };

    public static string Label(AlertChannel value) => value switch
    {
        AlertChannel.Email => "Email",
        AlertChannel.Webhook => "Webhook",
        _ => value.ToString(),
    };

    /// <summary>The value of an API name (<c>runFailed</c>, <c>email</c>, any case); null for anything else (numbers, lists).</summary>
    public static TEnum? Parse<TEnum>(string? name)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(v => string.Equals(v.ToString(), name?.Trim(), StringComparison.OrdinalIgnoreCase)).Select(v => (TEnum?)v).FirstOrDefault();

    /// <summary>The API names of every value, for messages: "runFailed, failedRecords or zeroRecords".</summary>
    public static string Choices<TEnum>()
        where TEnum : struct, Enum
    {
        var names = Enum.GetNames<TEnum>().Select(CamelCase).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names[..^1]) + " or " + names[^1];
    }

    private static string CamelCase(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);
}
