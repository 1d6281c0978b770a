using System.Text.Json;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Writes a search envelope around records' stored bytes, byte for byte what <c>Results.Json</c> writes for the same envelope.</summary>
internal sealed class SearchPageResult(IReadOnlyList<ReadOnlyMemory<byte>> records, SearchQuery query, int totalElements) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        var totalPages = (totalElements + query.Size - 1) / query.Size;
        var response = httpContext.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = StoredRecordResult.ContentType;
        await using (var writer = new Utf8JsonWriter(response.BodyWriter, RecordJson.WriteOptions))
        {
            writer.WriteStartObject();
            writer.WriteStartArray("data");
            foreach (var record in records)
            {
                writer.WriteRawValue(record.Span, skipInputValidation: true);
            }

            writer.WriteEndArray();
            writer.WriteBoolean("first", query.Page == 0);
            writer.WriteBoolean("last", query.Page >= totalPages - 1);
            writer.WriteNumber("page", query.Page);
            writer.WriteNumber("size", query.Size);
            writer.WriteNumber("totalPages", totalPages);
            writer.WriteNumber("totalElements", totalElements);
            writer.WriteEndObject();
        }

        await response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
