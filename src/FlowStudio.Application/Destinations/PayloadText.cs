using System.Text.Json;
using FlowStudio.Engine.Paths;

namespace FlowStudio.Application.Destinations;

/// <summary>A payload body as people read it.</summary>
internal static class PayloadText
{
    /// <summary>The body indented for reading; the text as it is when it is not JSON.</summary>
    public static string Pretty(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return "";
        }

        try
        {
            return JsonText.Indented(JsonText.ToNode(body));
        }
        catch (JsonException)
        {
            return body;
        }
    }

    /// <summary>A sample's body as the panel shows it: JSON indented, any other Content Format exactly as it is sent.</summary>
    public static string Shown(SamplePayload sample)
    {
        var type = sample.Headers.FirstOrDefault(h => h.Key.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)).Value;
        return type is null || type.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ? Pretty(sample.Body) : sample.Body;
    }

    public static string Plural(long count, string one) =>
        count == 1 ? $"1 {one}" : $"{count.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {one}s";

    /// <summary>What a request with <paramref name="method"/> does to the records it carries, for the "writes" warning.</summary>
    public static string Effect(string method) => method.ToUpperInvariant() switch
    {
        "DELETE" => "deletes records",
        "PUT" => "replaces records",
        "PATCH" => "changes records",
        _ => "creates or updates records",
    };
}
