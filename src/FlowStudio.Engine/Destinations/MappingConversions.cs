using System.Globalization;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>The conversions a mapped field can apply (<see cref="FieldMapping.Convert"/>).</summary>
public static class MappingConversions
{
    /// <summary>Date or date-time text (or epoch ms) → a JSON number of milliseconds since 1970-01-01 UTC.</summary>
    public const string EpochMillis = "epochMillis";

    /// <summary>Date or date-time text (or epoch ms) → ISO 8601 text in UTC, e.g. 2026-03-01T12:00:00.000Z.</summary>
    public const string IsoDateTime = "isoDateTime";

    /// <summary>Date or date-time text (or epoch ms) → YYYY-MM-DD.</summary>
    public const string Date = "date";

    /// <summary>Any scalar → text.</summary>
    public const string ToText = "toString";

    /// <summary>Number text → a JSON number.</summary>
    public const string ToNumber = "toNumber";

    /// <summary>Text without leading and trailing spaces.</summary>
    public const string Trim = "trim";

    /// <summary>Text in lower case.</summary>
    public const string Lowercase = "lowercase";

    /// <summary>Text in upper case.</summary>
    public const string Uppercase = "uppercase";

    /// <summary>Every conversion.</summary>
    public static readonly IReadOnlyList<string> All = [EpochMillis, IsoDateTime, Date, ToText, ToNumber, Trim, Lowercase, Uppercase];

    /// <summary>Text without a zone is read as UTC.</summary>
    private const DateTimeStyles Moment = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal | DateTimeStyles.AllowWhiteSpaces;

    /// <summary><paramref name="value"/> converted; blank values pass unchanged.</summary>
    /// <exception cref="RecordRejectedException">The value cannot be converted; the message names <paramref name="field"/>.</exception>
    internal static JToken Apply(string conversion, JToken value, string field)
    {
        if (RecordFields.IsBlank(value) && conversion is not (Trim or ToText))
        {
            return value;
        }

        var text = RecordFields.AsText(value);
        return conversion switch
        {
            EpochMillis => new JValue(ToMoment(value, text, field, "epoch ms").ToUnixTimeMilliseconds()),
            IsoDateTime => new JValue(ToMoment(value, text, field, "an ISO 8601 date and time").ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture)),
            Date => new JValue(ToMoment(value, text, field, "a date").ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
            ToText => new JValue(text ?? RecordFields.Compact(value)),
            ToNumber => ToNumberValue(value, text, field),
            Trim => text is null ? value : new JValue(text.Trim()),
            Lowercase => text is null ? value : new JValue(text.ToLowerInvariant()),
            Uppercase => text is null ? value : new JValue(text.ToUpperInvariant()),
            _ => throw new ArgumentOutOfRangeException(nameof(conversion), conversion, "Unknown conversion."),
        };
    }

    private static DateTimeOffset ToMoment(JToken value, string? text, string field, string target)
    {
        switch (value)
        {
            case JValue { Value: DateTimeOffset offset }:
                return offset.ToUniversalTime();
            case JValue { Value: DateTime date }:
                return new DateTimeOffset(DateTime.SpecifyKind(date, date.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : date.Kind)).ToUniversalTime();
            case JValue { Type: JTokenType.Integer or JTokenType.Float } number:
                return FromEpoch(number.Value<double>(), text, field, target);
        }

        if (text is not null && value.Type == JTokenType.String)
        {
            var trimmed = text.Trim();
            if (double.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var millis))
            {
                return FromEpoch(millis, text, field, target);
            }

            if (DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, Moment, out var moment))
            {
                return moment;
            }
        }

        throw new RecordRejectedException($"{field}: \"{text ?? RecordFields.Compact(value)}\" is not a date or date-time, so it cannot become {target}");
    }

    private static DateTimeOffset FromEpoch(double millis, string? text, string field, string target)
    {
        try
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(checked((long)millis));
        }
        catch (Exception error) when (error is ArgumentOutOfRangeException or OverflowException)
        {
            throw new RecordRejectedException($"{field}: {text} is out of range for a moment in epoch ms, so it cannot become {target}");
        }
    }

    private static JToken ToNumberValue(JToken value, string? text, string field)
    {
        if (value.Type is JTokenType.Integer or JTokenType.Float)
        {
            return value;
        }

        var trimmed = text?.Trim();
        if (value.Type == JTokenType.String && long.TryParse(trimmed, NumberStyles.Integer, CultureInfo.InvariantCulture, out var whole))
        {
            return new JValue(whole);
        }

        if (value.Type == JTokenType.String && decimal.TryParse(trimmed, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return new JValue(number);
        }

        throw new RecordRejectedException($"{field}: \"{text ?? RecordFields.Compact(value)}\" is not a number");
    }
}
