namespace FlowStudio.Application.Data;

/// <summary>
/// A request to cancel a run (its resource was paused or deleted). Whichever instance executes the run sees it within a
/// second and stops the run; a run not started yet is cancelled when it would start.
/// </summary>
internal sealed class RunCancellation
{
    public required string RunId { get; init; }

    public DateTime RequestedAt { get; init; }
}
