namespace FlowStudio.Application.Data;

/// <summary>
/// One part of a large delivery run: the dataset's records with ids in (<see cref="FromId"/>, <see cref="ToId"/>], which any
/// worker may deliver while others deliver the run's other slices. <see cref="DoneThrough"/> is the slice's own offset (every
/// record of the slice up to it is settled); a slice taken over after its instance died continues from there.
/// </summary>
internal sealed class DeliverySlice
{
    public required string RunId { get; init; }

    public int Slice { get; init; }

    public long FromId { get; init; }

    public long ToId { get; init; }

    public long DoneThrough { get; set; }

    public long RecordsRead { get; set; }

    public long RecordsSent { get; set; }

    public long RecordsFailed { get; set; }

    public int Requests { get; set; }

    /// <summary>The job scheduler's id of the instance that executed the slice last.</summary>
    public string? Instance { get; set; }

    /// <summary>Why the slice stopped before its end (cancelled, failed), when it did.</summary>
    public string? Error { get; set; }

    public DateTime? FinishedAt { get; set; }
}
