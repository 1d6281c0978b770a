using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The simulator's response shapes. Records are cloned so nothing live leaves the store's lock.</summary>
internal static class ApiResults
{
    public static IResult Json(JsonNode node, int statusCode = StatusCodes.Status200OK) =>
        Results.Json(node.DeepClone(), statusCode: statusCode);

    /// <summary>A bare JSON array, as the v1 list routes answer; the items must already be copies.</summary>
    public static IResult Array(IEnumerable<JsonObject> items) => Results.Json(new JsonArray(items.Select(item => (JsonNode?)item).ToArray()));

    /// <summary>A stored record as it is, without materialising or copying it.</summary>
    public static IResult Stored(StoredRecord record) => new StoredRecordResult(record.Json);

    public static IResult Created(JsonNode node) => Json(node, StatusCodes.Status201Created);

    public static IResult BadRequest(string message) =>
        Results.Json(new { message }, statusCode: StatusCodes.Status400BadRequest);

    public static IResult NotFound(string resource, string? idOrUuid) =>
        Results.Json(new { message = $"{resource} {idOrUuid} not found" }, statusCode: StatusCodes.Status404NotFound);

    public static IResult Invalid(IReadOnlyList<FieldError> errors, string? message = null) =>
        Results.Json(
            new
            {
                message = message ?? "Validation failed: " + string.Join("; ", errors.Select(error => error.Message)),
                errors = errors.Select(error => new { field = error.Field, message = error.Message }),
            },
            statusCode: StatusCodes.Status422UnprocessableEntity);

    public static IResult Invalid(string field, string message) => Invalid([new FieldError(field, message)]);
}
