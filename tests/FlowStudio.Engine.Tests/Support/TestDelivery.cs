using System.Diagnostics;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;

namespace FlowStudio.Engine.Tests.Support;

/// <summary>
/// Drives <see cref="DeliveryRunner.SendAsync"/> over the payloads <see cref="PayloadBuilder"/> builds, the way the host's
/// delivery loop does, without its database: for tests of what one payload's answer means for its records.
/// </summary>
internal sealed class TestDelivery(DeliveryRunner runner, PayloadBuilder builder)
{
    public async Task<DeliveryTotals> RunAsync(
        Connection connection, DestinationConfig config, IEnumerable<DeliveryRecord> records, IDeliveryObserver? observer = null,
        DeliveryRunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        var totals = new DeliveryTotals();
        using var reporting = new SemaphoreSlim(1, 1);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = (options ?? new DeliveryRunOptions()).MaxConcurrency, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(builder.Build(config, records, cancellationToken), parallel, async (payload, token) =>
        {
            var result = await runner.SendAsync(connection, payload, config.Retry, token);
            await reporting.WaitAsync(token);
            try
            {
                totals.Add(result);
                if (observer is not null)
                {
                    await observer.OnResultAsync(result, token);
                }
            }
            finally
            {
                reporting.Release();
            }
        });
        totals.Duration = watch.Elapsed;
        return totals;
    }
}

internal interface IDeliveryObserver
{
    ValueTask OnResultAsync(DeliveryResult result, CancellationToken cancellationToken);
}

internal sealed record DeliveryRunOptions
{
    public int MaxConcurrency { get; init; } = 1;
}

internal sealed class DeliveryTotals
{
    public int Requests { get; private set; }

    public int RecordsSent { get; private set; }

    public int RecordsFailed { get; private set; }

    public TimeSpan Duration { get; set; }

    public double RecordsPerSecond => (RecordsSent + RecordsFailed) / Duration.TotalSeconds;

    public void Add(DeliveryResult result)
    {
        Requests += result.Response is null ? 0 : 1;
        RecordsSent += result.SentCount;
        RecordsFailed += result.FailedCount;
    }
}

/// <summary>One record's outcome as a test reads it.</summary>
internal sealed record RecordOutcome(long RecordId, DeliveryOutcome Outcome, int? Status, string? Error, int Attempts);

internal static class DeliveryResults
{
    public static IEnumerable<RecordOutcome> Records(this DeliveryResult result)
    {
        var items = result.ItemFailures.ToDictionary(f => f.RecordId, f => f.Reason);
        return result.Payload.RecordIds.Select(id => items.TryGetValue(id, out var reason)
            ? new RecordOutcome(id, DeliveryOutcome.Failed, result.Status, reason, result.Response?.Attempts ?? 0)
            : new RecordOutcome(id, result.Outcome, result.Status, result.Error, result.Response?.Attempts ?? 0));
    }
}
