using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>The bulk export framework: job status, cancel, results, job list, and the org's limits.</summary>
internal static class ExportJobsApi
{
    private const string Space = "exports";

    public static RouteGroupBuilder MapExportJobsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/export/jobs", ListJobs);
        group.MapGet("/export/jobs/{jobId}", GetJob);
        group.MapPatch("/export/jobs/{jobId}", CancelJobAsync);
        group.MapGet("/export/jobs/{jobId}/results", GetResults);
        group.MapGet("/admin/limits", GetLimits);
        return group;
    }

    public static IResult ListJobs(ClariStore store) => ClariJson.Result(store.ExportJobs.List());

    public static IResult GetJob(string jobId, HttpRequest request, ClariStore store)
    {
        var job = store.ExportJobs.View(jobId);
        if (job is null)
        {
            return UnknownJob(jobId);
        }

        var flat = store.Options.FlatExportJobStatus
            || string.Equals(request.Query["flat"].ToString(), "true", StringComparison.OrdinalIgnoreCase);
        return flat ? ClariJson.Result(job) : ClariJson.Result(new { job });
    }

    public static async Task<IResult> CancelJobAsync(string jobId, HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        string? type = null;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object && document.RootElement.TryGetProperty("type", out var value))
            {
                type = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
            }
        }
        catch (JsonException)
        {
            type = null;
        }

        if (type != "CANCEL")
        {
            return ClariErrors.Export(StatusCodes.Status400BadRequest, "bad_request", Space, "Only the CANCEL type is supported: {\"type\": \"CANCEL\"}.");
        }

        var (status, cancelled) = store.ExportJobs.Cancel(jobId);
        if (status is null)
        {
            return UnknownJob(jobId);
        }

        return cancelled
            ? ClariJson.Result(new { status, successful = true })
            : ClariErrors.Export(StatusCodes.Status400BadRequest, "export_failed_to_cancel", Space,
                status == "DONE" ? "Cannot cancel the job because it already finished executing." : $"Cannot cancel the job because it is already {status}.");
    }

    public static IResult GetResults(string jobId, ClariStore store)
    {
        var (status, results) = store.ExportJobs.Download(jobId);
        if (results is not null)
        {
            return results();
        }

        return ClariErrors.Export(StatusCodes.Status400BadRequest, "invalid_jobId", Space, status switch
        {
            null => $"Cannot retrieve data for job {jobId} because it does not exist.",
            "STARTED" => "Cannot retrieve data for job because it has not finished executing.",
            _ => $"Cannot retrieve data for job because it is {status}.",
        });
    }

    public static IResult GetLimits(ClariStore store) => ClariJson.Result(new { jobs = store.ExportJobs.Limits() });

    private static IResult UnknownJob(string jobId) =>
        ClariErrors.Export(StatusCodes.Status400BadRequest, "invalid_jobId", Space, $"The job status could not be retrieved: no export job {jobId}.");
}
