using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Dry run, for the resource menu and <c>POST /api/destinations/{id}/dry-run</c>: reads the records the next run would send
/// (failed records due again, then the records past the offset), builds their requests with the same planner and payload
/// builder as delivery, and, where the endpoint updates or upserts, looks up each record's remote counterpart with GETs
/// within the credential's rate budget (<see cref="RemoteLookup"/>). Nothing is written: no offset moves, no run is
/// recorded, no request but those GETs leaves.
/// </summary>
internal sealed class DestinationDryRun(
    DestinationService destinations, DestinationPlanner planner, DeliveryStore store, PayloadBuilder builder, RemoteLookup lookup,
    RunRetries retries, IOptions<EngineOptions> options, TimeProvider time)
{
    /// <summary>Most records one dry run checks (and looks up); the requests for the rest are estimated.</summary>
    public const int MaxRecords = 1000;

    public const int SamplesPerOutcome = 5;

    public const int PreviewRequests = 3;

    private const int PageSize = 500;

    /// <summary>The report for destination <paramref name="id"/>; null when there is no such destination.</summary>
    /// <param name="progress">Told how many records have been checked so far.</param>
    public async Task<(DryRunReport? Report, IReadOnlyList<FieldError> Errors)?> RunAsync(string id, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        if (await destinations.GetRequestAsync(id, cancellationToken) is not { } request)
        {
            return null;
        }

        var (plan, errors) = await planner.PlanAsync(request, cancellationToken);
        if (plan is null)
        {
            return (null, errors);
        }

        var offset = await store.OffsetAsync(id, cancellationToken);
        // As a run started now by a user: it retries every failed record tried before it (DestinationRunExecutor).
        var dueBy = time.GetUtcNow().UtcDateTime + options.Value.FailedRetryDelay;
        var pending = await store.PendingCountAsync(id, plan.DatasetId, offset, dueBy, cancellationToken);
        var records = await ReadAsync(id, plan.DatasetId, offset, dueBy, cancellationToken);
        var how = RemoteLookup.For(plan.Config, plan.Connection.Connector);
        var retry = retries.For(plan.Config.Retry, request.CredentialId, plan.Connection.Connector);
        var byId = records.ToDictionary(r => r.Id);
        var verdicts = new List<RecordVerdict>(records.Count);
        var preview = new List<SamplePayload>(PreviewRequests);
        long requests = 0;
        var lookups = 0;
        foreach (var payload in builder.Build(plan.Config, records, cancellationToken))
        {
            if (payload.Error is { } problem)
            {
                verdicts.AddRange(payload.RecordIds.Select(r => new RecordVerdict(r, DryRunOutcome.Rejected, [], problem)));
                continue;
            }

            requests++;
            if (preview.Count < PreviewRequests)
            {
                preview.Add(SamplePayloads.ToSample(payload, []));
            }

            foreach (var recordId in payload.RecordIds)
            {
                if (how.NeedsLookup)
                {
                    verdicts.Add(await lookup.CheckAsync(plan.Connection, plan.Config, how, payload, byId[recordId], retry, cancellationToken));
                    lookups++;
                }
                else
                {
                    verdicts.Add(new RecordVerdict(recordId, how.Kind == LookupKind.None ? DryRunOutcome.Created : DryRunOutcome.Unknown, []));
                }

                progress?.Report(verdicts.Count);
            }
        }

        var rest = pending - records.Count;
        requests += PayloadBuilder.SendsBatches(plan.Config) ? (rest + plan.Config.Batching.BatchSize - 1) / plan.Config.Batching.BatchSize : rest;
        var note = string.Join(" ", new[]
        {
            how.Note,
            rest > 0 ? $"Only the first {records.Count:N0} of {pending:N0} pending records were checked; the requests for the rest are estimated." : null,
        }.Where(n => n is not null));
        var samples = verdicts.GroupBy(v => v.Outcome).SelectMany(g => g.Take(SamplesPerOutcome)).ToList();
        return (new DryRunReport(pending, records.Count, requests, lookups, DryRunCounts.Of(verdicts), note.Length == 0 ? null : note, samples, preview), []);
    }

    private async Task<List<DeliveryRecord>> ReadAsync(string id, string datasetId, long offset, DateTime dueBy, CancellationToken cancellationToken)
    {
        var records = new List<DeliveryRecord>();
        long after = 0;
        while (records.Count < MaxRecords
               && await store.DueFailedAsync(id, datasetId, offset, dueBy, after, Math.Min(PageSize, MaxRecords - records.Count), cancellationToken) is { Count: > 0 } failed)
        {
            records.AddRange(failed);
            after = failed[^1].Id;
        }

        after = offset;
        while (records.Count < MaxRecords
               && await store.RecordsAfterAsync(datasetId, after, long.MaxValue, Math.Min(PageSize, MaxRecords - records.Count), cancellationToken) is { Count: > 0 } next)
        {
            records.AddRange(next);
            after = next[^1].Id;
        }

        return records;
    }
}
