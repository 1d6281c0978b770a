using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace FlowStudio.Application.Alerts;

/// <summary>
/// How a webhook alert is signed (the README's "Alerts" section says it for receivers): the hex HMAC-SHA256, keyed with
/// the rule's secret (its UTF-8 bytes), of the timestamp header's value, a dot, and the raw body. The timestamp is in the
/// signed text so a receiver can refuse replays of an old alert.
/// </summary>
internal static class AlertSignature
{
    public const string SignatureHeader = "X-FlowStudio-Signature";

    public const string TimestampHeader = "X-FlowStudio-Timestamp";

    public const string EventHeader = "X-FlowStudio-Event";

    public const string DeliveryHeader = "X-FlowStudio-Delivery";

    /// <summary>The timestamp header's value: Unix time in seconds.</summary>
    public static string Timestamp(DateTimeOffset at) => at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

    /// <summary>The signature header's value: <c>sha256=</c> and the lower-case hex HMAC.</summary>
    public static string Sign(string secret, string timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp + "." + body);
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }
}
