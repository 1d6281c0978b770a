using System.Text.Json;

namespace FlowStudio.Sandbox.Clari;

/// <summary>The Data Ingestion API: incremental upload, bulk upload and bulk job status (base <c>/v2</c>).</summary>
internal static class IngestApi
{
    public const long MaxBulkFileBytes = 10 * 1024 * 1024;
    private const string JsonOnly = "Allowed file format is JSON only. Please try again with right format.";

    public static RouteGroupBuilder MapIngestApi(this RouteGroupBuilder group)
    {
        group.MapPost("/entity/{entity}", IngestRecordsAsync);
        group.MapPost("/bulk/entity/{entity}", SubmitBulkAsync);
        return group;
    }

    public static async Task<IResult> IngestRecordsAsync(string entity, HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        var (parameters, error) = IngestParameters.Read(entity, request.Query, store.Received);
        if (parameters is null)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, error!);
        }

        IngestPayload payload;
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
            payload = IngestValidator.Validate(document.RootElement, IngestValidator.IncrementalRecordLimit);
        }
        catch (JsonException)
        {
            payload = IngestPayload.Rejected(IngestError.InputFormat("Payload is not an array"));
        }

        if (!payload.IsValid)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, payload.Errors);
        }

        store.BulkJobs.Settle();
        if (store.Received.Accept(parameters, payload.Ids) is { } refused)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, refused);
        }

        // The spec documents a 200 without a body; this small summary is the sandbox's own.
        return ClariJson.Result(new { status = "SUCCESS", recordsReceived = payload.Ids.Count });
    }

    public static async Task<IResult> SubmitBulkAsync(string entity, HttpRequest request, ClariStore store, CancellationToken cancellationToken)
    {
        var (parameters, error) = IngestParameters.Read(entity, request.Query, store.Received);
        if (parameters is null)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, error!);
        }

        if (!request.HasFormContentType)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.FileFormat(JsonOnly));
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.FileFormat(JsonOnly));
        }

        var file = form.Files.GetFile("FileData");
        if (file is null)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.FileFormat("FileData is missing. " + JsonOnly));
        }

        if (file.Length > MaxBulkFileBytes)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.FileFormat("File size exceeds the maximum allowed size of 10MB"));
        }

        var extension = Path.GetExtension(file.FileName);
        if (extension.Length > 0 && !extension.Equals(".json", StringComparison.OrdinalIgnoreCase))
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.FileFormat(JsonOnly));
        }

        IngestPayload payload;
        try
        {
            await using var stream = file.OpenReadStream();
            using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            payload = IngestValidator.Validate(document.RootElement, recordLimit: null);
        }
        catch (JsonException)
        {
            return ClariErrors.Ingest(StatusCodes.Status400BadRequest, IngestError.FileFormat(JsonOnly));
        }

        var fileName = string.IsNullOrEmpty(file.FileName) ? "data.json" : Path.GetFileName(file.FileName);
        var job = store.BulkJobs.Submit(fileName, parameters, payload, store.Options.MaxConcurrentIngestJobs);
        if (job is null)
        {
            return ClariErrors.Ingest(
                StatusCodes.Status429TooManyRequests,
                new IngestError("TOO_MANY_REQUESTS", $"Max concurrent async ingestion jobs limit reached for partner {ClariAccount.PartnerName}"));
        }

        return ClariJson.Result(new { jobId = job.JobId }, statusCode: StatusCodes.Status202Accepted);
    }

    public static IResult GetJob(string jobId, ClariStore store)
    {
        var (job, now) = store.BulkJobs.Find(jobId);
        if (job is null)
        {
            return ClariJson.Result(new { error = "Bulk ingestion job not found. Please provide correct jobId." }, statusCode: StatusCodes.Status404NotFound);
        }

        return ClariJson.Result(job.ViewAt(now), statusCode: job.StatusAt(now).HttpStatus());
    }
}
