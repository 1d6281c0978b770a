using System.Globalization;

namespace FlowStudio.Application.Runs;

/// <summary>
/// One run as the runs screens show it, with the name of the source or destination it belongs to. For a running
/// destination run, <see cref="Total"/> is the records it has handled plus those still waiting, so progress can be shown.
/// </summary>
public sealed record RunSummary(
    string Id,
    string ResourceId,
    string ResourceName,
    RunKind Kind,
    RunStatus Status,
    long RecordsRead,
    long RecordsSent,
    long RecordsFailed,
    int Requests,
    string? Error,
    DateTime StartedAt,
    DateTime? FinishedAt)
{
    public long? Total { get; init; }

    /// <summary>The version of the source's or destination's configuration the run started with (null for runs from before versions).</summary>
    public int? Version { get; init; }

    public bool IsRunning => Status == RunStatus.Running;

    public bool IsDestination => Kind == RunKind.Destination;

    /// <summary>Records the run has dealt with: sent or failed for a destination, read for a source.</summary>
    public long Handled => IsDestination ? RecordsSent + RecordsFailed : RecordsRead;

    public string ResourceUrl => $"/{Kind switch { RunKind.Destination => "destinations", RunKind.Sync => "syncs", _ => "sources" }}/{Uri.EscapeDataString(ResourceId)}";

    public TimeSpan Elapsed(DateTime now) => (FinishedAt ?? now) - StartedAt;

    /// <summary>Records sent (destination) or read (source) per second so far; null when it sent or read nothing.</summary>
    public double? Rate(DateTime now) => (IsDestination ? RecordsSent : RecordsRead) is var moved and > 0 && Elapsed(now).TotalSeconds is var seconds and > 0
        ? moved / seconds
        : null;

    /// <summary>A finished run that succeeded while some records failed.</summary>
    public bool CompletedWithFailures => Status == RunStatus.Succeeded && RecordsFailed > 0;

    /// <summary>The status as shown: "Completed with failures" rather than plain "Succeeded" when records failed.</summary>
    public string StatusLabel => CompletedWithFailures ? "Completed with failures" : Status.ToString();

    /// <summary>Share of <see cref="Total"/> handled, 0–100, or null when the total is not known (source runs).</summary>
    public int? Percent => Total is > 0 and var total ? (int)Math.Clamp(Handled * 100 / total, 0, 100) : null;

    public string Duration(DateTime now) => FinishedAt is null ? "running…" : Format(Elapsed(now));

    public static string Format(TimeSpan span) => span.TotalSeconds < 60
        ? $"{span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s"
        : span.TotalMinutes < 60
            ? $"{(int)span.TotalMinutes} min {span.Seconds} s"
            : $"{(int)span.TotalHours} h {span.Minutes} min";
}
