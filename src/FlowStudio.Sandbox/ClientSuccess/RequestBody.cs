using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Reads JSON request bodies the way the API gateway does: anything unparseable is a 400.</summary>
internal static class RequestBody
{
    public const string Unparseable = "Unable to parse request body";

    public static async Task<(JsonNode? Node, IResult? Error)> ReadAsync(HttpRequest request)
    {
        try
        {
            var node = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
            return node is null ? (null, ApiResults.BadRequest(Unparseable)) : (node, null);
        }
        catch (JsonException)
        {
            return (null, ApiResults.BadRequest(Unparseable));
        }
    }

    public static async Task<(JsonObject? Body, IResult? Error)> ReadObjectAsync(HttpRequest request)
    {
        var (node, error) = await ReadAsync(request);
        return node is JsonObject body ? (body, null) : (null, error ?? ApiResults.BadRequest($"{Unparseable}: expected a JSON object"));
    }

    /// <summary>A batch: a JSON array, a single object, or (when <paramref name="wrapper"/> is given) an object holding the array under that key.</summary>
    public static async Task<(List<JsonObject>? Items, IResult? Error)> ReadItemsAsync(HttpRequest request, bool allowSingle, string? wrapper = null)
    {
        var (node, error) = await ReadAsync(request);
        if (error is not null)
        {
            return (null, error);
        }

        if (wrapper is not null && node is JsonObject wrapped && wrapped[wrapper] is JsonArray inner)
        {
            node = inner;
        }

        return node switch
        {
            JsonArray array when array.All(item => item is JsonObject) => (array.Select(item => item!.AsObject()).ToList(), null),
            JsonArray => (null, ApiResults.BadRequest($"{Unparseable}: every item must be a JSON object")),
            JsonObject single when allowSingle => ([single], null),
            _ => (null, ApiResults.BadRequest($"{Unparseable}: expected a JSON array")),
        };
    }
}
