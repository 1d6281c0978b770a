using System.Globalization;

namespace FlowStudio.Application.Destinations;

/// <summary>What "Retry failed records" did: how many records are queued again, and the run it started to send them (if it did).</summary>
internal sealed record RetryOutcome(int Requeued, string? RunId)
{
    /// <summary>The outcome in the user's words.</summary>
    public string Message => Requeued switch
    {
        0 => "No failed records to retry.",
        _ => $"{Requeued.ToString("N0", CultureInfo.InvariantCulture)} failed {(Requeued == 1 ? "record is" : "records are")} queued again"
            + (RunId is null ? "; the destination's run in progress (or its next run) sends them." : ", and a new run is sending them."),
    };
}
