using FlowStudio.Engine.Http;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>Finds the message in an API's error response (the shapes ClientSuccess and Clari use, and RFC 7807).</summary>
internal static class ResponseErrors
{
    private const int MaxLength = 500;
    private static readonly string[] MessageNames = ["message", "errorSummary", "error_description", "detail", "error", "title", "description"];

    public static string Describe(ApiResponse response)
    {
        if (response.StatusCode == 0)
        {
            return response.TransportError ?? "No response from the API.";
        }

        var message = FindMessage(response.Body);
        return string.IsNullOrWhiteSpace(message) ? $"HTTP {response.StatusCode}" : $"HTTP {response.StatusCode}: {message}";
    }

    private static string? FindMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            return FromToken(JToken.Parse(body)) ?? Shorten(body);
        }
        catch (JsonReaderException)
        {
            return Shorten(body);
        }
    }

    private static string? FromToken(JToken token) => token switch
    {
        JArray array => string.Join("; ", array.Select(FromToken).Where(m => !string.IsNullOrWhiteSpace(m)).Take(5)) is { Length: > 0 } joined
            ? Shorten(joined)
            : null,
        JObject obj => MessageNames.Select(name => obj[name]).Select(value => value switch
        {
            JValue { Type: JTokenType.String } text when !string.IsNullOrWhiteSpace((string?)text) => Shorten((string)text!),
            JObject or JArray => FromToken(value),
            _ => null,
        }).FirstOrDefault(m => m is not null) ?? (obj["errors"] is { } errors ? FromToken(errors) : null),
        JValue { Type: JTokenType.String } text => Shorten((string)text!),
        _ => null,
    };

    private static string Shorten(string text)
    {
        text = text.Trim();
        return text.Length <= MaxLength ? text : text[..MaxLength] + "...";
    }
}
