using FlowStudio.Engine.Destinations;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// What the next delivery run would do, found without writing anything (<c>POST /api/destinations/{id}/dry-run</c>).
/// </summary>
/// <param name="Pending">Records the next run would send (failed records due again, then records past the offset).</param>
/// <param name="Checked">Records checked here: the first <see cref="DestinationDryRun.MaxRecords"/> pending ones.</param>
/// <param name="Requests">Requests the next run would send for every pending record (counted for the checked ones, estimated for the rest).</param>
/// <param name="Lookups">GETs this dry run sent to look up remote records.</param>
/// <param name="Counts">Checked records per outcome.</param>
/// <param name="Note">Why the remote state could not be looked up, or that only some records were checked; else null.</param>
/// <param name="Samples">Up to <see cref="DestinationDryRun.SamplesPerOutcome"/> checked records of each outcome.</param>
/// <param name="Preview">The first requests, exactly as they would be sent (secret headers masked).</param>
public sealed record DryRunReport(
    long Pending,
    int Checked,
    long Requests,
    int Lookups,
    DryRunCounts Counts,
    string? Note,
    IReadOnlyList<RecordVerdict> Samples,
    IReadOnlyList<SamplePayload> Preview);

/// <summary>Records per dry-run outcome.</summary>
public sealed record DryRunCounts(int Created, int Updated, int Unchanged, int Rejected, int Unknown)
{
    public static DryRunCounts Of(IEnumerable<RecordVerdict> verdicts)
    {
        var counts = verdicts.GroupBy(v => v.Outcome).ToDictionary(g => g.Key, g => g.Count());
        return new(counts.GetValueOrDefault(DryRunOutcome.Created), counts.GetValueOrDefault(DryRunOutcome.Updated),
            counts.GetValueOrDefault(DryRunOutcome.Unchanged), counts.GetValueOrDefault(DryRunOutcome.Rejected), counts.GetValueOrDefault(DryRunOutcome.Unknown));
    }
}
