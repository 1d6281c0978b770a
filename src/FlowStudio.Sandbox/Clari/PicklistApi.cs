using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary><c>/ingest/schema/{entity}/field</c>: add and read picklist / multi-picklist options.</summary>
internal static class PicklistApi
{
    private const string Invalid = "One or more error in validating field details.";

    public static RouteGroupBuilder MapPicklistApi(this RouteGroupBuilder group)
    {
        group.MapGet("/schema/{entity}/field", GetValues);
        group.MapPost("/schema/{entity}/field", AddValuesAsync);
        return group;
    }

    public static IResult GetValues(string entity, HttpRequest request, ClariStore store)
    {
        var normalized = IngestEntities.Normalize(entity);
        if (normalized is null)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestEntities.NotEnabled());
        }

        var fieldNames = request.Query["fieldNames"].ToString();
        var filter = fieldNames.Length == 0
            ? null
            : fieldNames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        return ClariJson.Result(store.Picklists.Get(normalized, filter));
    }

    public static async Task<IResult> AddValuesAsync(string entity, HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        var normalized = IngestEntities.Normalize(entity);
        if (normalized is null)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestEntities.NotEnabled());
        }

        PicklistRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<PicklistRequest>(request.Body, JsonSerializerOptions.Web, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        var error = Check(normalized, body, out var field);
        if (error is not null)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.InputFormat(error));
        }

        store.Picklists.Add(field!, body!.Values!.OfType<string>().Where(value => value.Trim().Length > 0));
        return ClariJson.Result(new { message = "picklist options have been updated successfully." });
    }

    private static string? Check(string entity, PicklistRequest? body, out PicklistField? field)
    {
        field = null;
        if (string.IsNullOrWhiteSpace(body?.FieldName))
        {
            return $"{Invalid} fieldName cannot be empty or null";
        }

        if (string.IsNullOrWhiteSpace(body.FieldType))
        {
            return $"{Invalid} fieldType cannot be empty or null";
        }

        if (body.FieldType is not ("picklist" or "multipicklist"))
        {
            return "FieldType is not supported. Supported FieldTypes are [picklist, multipicklist]";
        }

        if (body.Values is null || !body.Values.Any(value => !string.IsNullOrWhiteSpace(value)))
        {
            return $"{Invalid} Please provide picklist options.";
        }

        field = Picklists.Find(entity, body.FieldName);
        if (field is null)
        {
            return $"Oops! {body.FieldName} is not defined in schema.";
        }

        return field.Type == body.FieldType
            ? null
            : $"Field {field.Name} type {body.FieldType} does not match expected type {field.Type}";
    }

    private sealed record PicklistRequest(string? FieldName, string? FieldType, IReadOnlyList<string?>? Values);
}
