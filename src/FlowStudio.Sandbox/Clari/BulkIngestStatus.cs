namespace FlowStudio.Sandbox.Clari;

/// <summary>The states of a bulk ingestion job (FAILED, an internal error, never happens in the sandbox).</summary>
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
