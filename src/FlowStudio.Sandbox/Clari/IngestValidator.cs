using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// Checks an ingest payload the way Clari does: an array of <c>{sourceEntity, records}</c> whose records carry
/// <c>id</c>, <c>createdAt</c> and <c>updatedAt</c> (epoch ms). Summaries follow the spec's examples.
/// </summary>
internal static class IngestValidator
{
    public const int IncrementalRecordLimit = 100;
    private const int MaxReportedErrors = 100;

    /// <param name="recordLimit">At most this many records in total (the incremental endpoint's 100), or null for bulk files.</param>
    public static IngestPayload Validate(JsonElement root, int? recordLimit)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            return IngestPayload.Rejected(IngestError.InputFormat("Payload is not an array"));
        }

        var errors = new List<IngestError>();
        var total = 0;
        var index = 0;
        foreach (var dataSet in root.EnumerateArray())
        {
            if (dataSet.ValueKind != JsonValueKind.Object
                || !dataSet.TryGetProperty("sourceEntity", out var sourceEntity)
                || sourceEntity.ValueKind != JsonValueKind.String
                || sourceEntity.GetString()!.Length == 0)
            {
                errors.Add(IngestError.InputFormat($"sourceEntity is missing dataSet {index}"));
            }

            if (dataSet.ValueKind != JsonValueKind.Object
                || !dataSet.TryGetProperty("records", out var records)
                || records.ValueKind != JsonValueKind.Array)
            {
                errors.Add(IngestError.InputFormat($"records is missing for dataSet {index}"));
            }
            else
            {
                total += records.GetArrayLength();
            }

            index++;
        }

        if (errors.Count > 0)
        {
            return new IngestPayload([], errors);
        }

        if (total > recordLimit)
        {
            return IngestPayload.Rejected(IngestError.InputFormat($"The number of records limit to {recordLimit}"));
        }

        return ValidateRecords(root, total);
    }

    private static IngestPayload ValidateRecords(JsonElement root, int total)
    {
        var errors = new List<IngestError>();
        var ids = new List<string>(total);
        var seen = new HashSet<string>(total, StringComparer.Ordinal);
        var dataSetIndex = 0;
        foreach (var dataSet in root.EnumerateArray())
        {
            var recordIndex = 0;
            foreach (var record in dataSet.GetProperty("records").EnumerateArray())
            {
                var id = ValidateRecord(record, $"/{dataSetIndex}/records/{recordIndex}", errors);
                if (id is not null && !seen.Add(id))
                {
                    errors.Add(IngestError.InputFormat($"Duplicate record with value {id} for primary key field id"));
                }
                else if (id is not null)
                {
                    ids.Add(id);
                }

                if (errors.Count >= MaxReportedErrors)
                {
                    return new IngestPayload([], errors);
                }

                recordIndex++;
            }

            dataSetIndex++;
        }

        return errors.Count > 0 ? new IngestPayload([], errors) : new IngestPayload(ids, []);
    }

    private static string? ValidateRecord(JsonElement record, string path, List<IngestError> errors)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            errors.Add(IngestError.DataType($"Failed validation for data at path: {path} {Kind(record)} is not of type 'object'"));
            return null;
        }

        string? id = null;
        if (!record.TryGetProperty("id", out var idValue) || idValue.ValueKind == JsonValueKind.Null
            || (idValue.ValueKind == JsonValueKind.String && idValue.GetString()!.Length == 0))
        {
            errors.Add(IngestError.InputFormat("Primary key field id is missing"));
        }
        else if (idValue.ValueKind != JsonValueKind.String)
        {
            errors.Add(TypeMismatch("id", idValue, "string"));
        }
        else
        {
            id = idValue.GetString();
        }

        var createdAt = Timestamp(record, "createdAt", errors);
        var updatedAt = Timestamp(record, "updatedAt", errors);
        if (createdAt is { } created && updatedAt is { } updated && updated < created)
        {
            errors.Add(IngestError.InputFormat($"Failed validation for data at path: {path} updatedAt should be greater than or equal to createdAt"));
            return null;
        }

        return createdAt is null || updatedAt is null ? null : id;
    }

    private static double? Timestamp(JsonElement record, string field, List<IngestError> errors)
    {
        if (!record.TryGetProperty(field, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(IngestError.InputFormat($"Field {field} is missing"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.Number)
        {
            errors.Add(TypeMismatch(field, value, "number"));
            return null;
        }

        return value.GetDouble();
    }

    private static IngestError TypeMismatch(string field, JsonElement value, string expected) =>
        IngestError.DataType($"Field {field} type {Kind(value)} does not match expected type {expected}");

    private static string Kind(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        JsonValueKind.Array => "array",
        JsonValueKind.Object => "object",
        _ => "null",
    };
}

/// <summary>A checked payload: the record ids when valid, otherwise the errors.</summary>
internal sealed record IngestPayload(IReadOnlyList<string> Ids, IReadOnlyList<IngestError> Errors)
{
    public bool IsValid => Errors.Count == 0;

    public static IngestPayload Rejected(IngestError error) => new([], [error]);
}
