using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

internal static class ZohoJson
{
    public static IResult Result(JsonNode body, int statusCode = StatusCodes.Status200OK) =>
        Results.Text(body.ToJsonString(), "application/json;charset=UTF-8", statusCode: statusCode);

    /// <summary>Zoho's date-time wording: ISO 8601 to the second with the offset.</summary>
    public static string Time(DateTimeOffset time) =>
        time.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);

    public static DateTimeOffset ParseTime(JsonNode? node) =>
        DateTimeOffset.Parse(node!.GetValue<string>(), CultureInfo.InvariantCulture);
}
