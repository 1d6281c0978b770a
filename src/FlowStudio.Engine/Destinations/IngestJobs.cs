using System.Text.Json;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Clari's asynchronous ingestion: "Ingest Bulk Entities" answers 202 with <c>{"jobId"}</c>, and
/// <c>GET /v2/ingest/job/{jobId}</c> answers <c>{"message": {"status", "message"}}</c>: QUEUED, IN_PROGRESS, then SUCCESS,
/// FAILED or VALIDATION_FAILED with the reasons in <c>message</c>.
/// </summary>
internal static class IngestJobs
{
    private static readonly IReadOnlyDictionary<string, string> NoHeaders = new Dictionary<string, string>();

    /// <summary>The job id of a Clari ingest answer that started a job, else null.</summary>
    public static string? StartedJob(Connection connection, ApiResponse response)
    {
        if (connection.Connector != ConnectorIds.Clari || response.StatusCode != 202 || string.IsNullOrWhiteSpace(response.Body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(response.Body);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("jobId", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static ApiRequest StatusRequest(string jobId) =>
        new(HttpMethod.Get, $"/v2/ingest/job/{Uri.EscapeDataString(jobId)}", NoHeaders, null, RequestBodyKind.None);

    public static bool IsFinal(string state) => state is "SUCCESS" or "FAILED" or "VALIDATION_FAILED";

    /// <summary>VALIDATION_FAILED is the content's fault; FAILED is Clari's (tried again later).</summary>
    public static bool IsPermanent(string state) => state != "FAILED" && state != "SUCCESS" && IsFinal(state);

    /// <summary>The job's state and, when it failed, Clari's reasons joined; nulls when the answer has no job status.</summary>
    public static (string? State, string? Reasons) Read(ApiResponse answer)
    {
        if (string.IsNullOrWhiteSpace(answer.Body))
        {
            return (null, null);
        }

        try
        {
            using var document = JsonDocument.Parse(answer.Body);
            if (document.RootElement.ValueKind != JsonValueKind.Object
                || !document.RootElement.TryGetProperty("message", out var job) || job.ValueKind != JsonValueKind.Object
                || !job.TryGetProperty("status", out var status) || status.ValueKind != JsonValueKind.String)
            {
                return (null, null);
            }

            var reasons = job.TryGetProperty("message", out var message) ? ItemResults.Messages(message) : null;
            return (status.GetString(), reasons);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
