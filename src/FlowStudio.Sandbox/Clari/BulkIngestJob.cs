namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// One bulk ingestion job. Its state follows the time since submission: QUEUED, then IN_PROGRESS,
/// then SUCCESS or VALIDATION_FAILED (the file was checked on submission; the verdict shows when the job ends).
/// </summary>
internal sealed class BulkIngestJob(string jobId, string fileName, long submittedTime, IngestParameters parameters, IngestPayload payload)
{
    public const long QueuedMilliseconds = 200;
    public const long FinishedAfterMilliseconds = 600;

    public string JobId => jobId;

    public IngestParameters Parameters => parameters;

    public IngestPayload Payload => payload;

    public long FinishTime => submittedTime + FinishedAfterMilliseconds;

    public bool IsFinishedAt(long now) => now >= FinishTime;

    public BulkIngestStatus StatusAt(long now) =>
        now - submittedTime < QueuedMilliseconds ? BulkIngestStatus.Queued
        : !IsFinishedAt(now) ? BulkIngestStatus.InProgress
        : payload.IsValid ? BulkIngestStatus.Success
        : BulkIngestStatus.ValidationFailed;

    /// <summary>The job status body: <c>{message:{jobId, orgId, ... status, message}}</c>.</summary>
    public object ViewAt(long now)
    {
        var status = StatusAt(now);
        object message = status switch
        {
            BulkIngestStatus.Queued => "Bulk ingestion job is queued",
            BulkIngestStatus.InProgress => "Bulk ingestion job is in progress",
            BulkIngestStatus.Success => "Ingestion successfully completed.",
            _ => payload.Errors,
        };
        return new
        {
            message = new
            {
                jobId,
                orgId = ClariAccount.OrgId,
                userId = ClariAccount.UserId,
                module = "DATA_INGESTION",
                submittedTime,
                startTime = status == BulkIngestStatus.Queued ? (long?)null : submittedTime + QueuedMilliseconds,
                endTime = IsFinishedAt(now) ? FinishTime : (long?)null,
                title = "Data Ingestion",
                fileName,
                status = status.WireName(),
                message,
            },
        };
    }
}

internal enum BulkIngestStatus
{
    Queued,
    InProgress,
    Success,
    ValidationFailed,
}

internal static class BulkIngestStatusExtensions
{
    public static string WireName(this BulkIngestStatus status) => status switch
    {
        BulkIngestStatus.Queued => "QUEUED",
        BulkIngestStatus.InProgress => "IN_PROGRESS",
        BulkIngestStatus.Success => "SUCCESS",
        _ => "VALIDATION_FAILED",
    };

    /// <summary>The HTTP status of the job status call: 202 while queued or running, 200 on success, 400 on validation errors.</summary>
    public static int HttpStatus(this BulkIngestStatus status) => status switch
    {
        BulkIngestStatus.Queued or BulkIngestStatus.InProgress => StatusCodes.Status202Accepted,
        BulkIngestStatus.Success => StatusCodes.Status200OK,
        _ => StatusCodes.Status400BadRequest,
    };
}
