using System.Runtime.CompilerServices;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Delivers records: builds payloads with <see cref="PayloadBuilder"/>, sends each through
/// <see cref="ApiClient"/> (one Polly pipeline: retries on 429, 5xx and network faults, honouring Retry-After)
/// and reports every payload's per-record outcome to an <see cref="IDeliveryObserver"/> as soon as it is known.
/// Cancellation stops the run between requests and aborts the one in flight; records without a reported
/// outcome were not delivered and can be sent again.
/// </summary>
public sealed class DeliveryRunner(ApiClient api, PayloadBuilder builder, TimeProvider time)
{
    /// <summary>Delivers <paramref name="records"/> to <paramref name="connection"/> as <paramref name="config"/> says.</summary>
    public async Task<DeliverySummary> RunAsync(
        Connection connection,
        DestinationConfig config,
        IEnumerable<DeliveryRecord> records,
        IDeliveryObserver? observer = null,
        DeliveryRunOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(records);
        options ??= DeliveryRunOptions.Default;
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxConcurrency, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.MaxConcurrency, 32);
        var started = time.GetTimestamp();
        var tally = new Tally();
        using var reporting = new SemaphoreSlim(1, 1);

        async ValueTask DeliverAsync(OutboundPayload payload, CancellationToken token)
        {
            var result = await SendAsync(connection, payload, config.Retry, token);
            await reporting.WaitAsync(token);
            try
            {
                tally.Add(result);
                if (observer is not null)
                {
                    await observer.OnResultAsync(result, token);
                }
            }
            finally
            {
                reporting.Release();
            }
        }

        var payloads = builder.Build(config, records, cancellationToken);
        if (options.MaxConcurrency == 1)
        {
            await foreach (var payload in BuildAheadAsync(payloads, cancellationToken))
            {
                await DeliverAsync(payload, cancellationToken);
            }
        }
        else
        {
            var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxConcurrency, CancellationToken = cancellationToken };
            await Parallel.ForEachAsync(payloads, parallel, DeliverAsync);
        }

        return new DeliverySummary(tally.Requests, tally.Sent, tally.Failed, time.GetElapsedTime(started));
    }

    /// <summary>
    /// The payloads in order, each next one built on a worker thread while the current one is being sent, so building
    /// (reading records, JSON, grouping code) overlaps the wait for the API instead of adding to it. Still one request
    /// at a time. Measured with the benchmark at zero latency, this is worth about 9% of throughput over building inline.
    /// </summary>
    internal static async IAsyncEnumerable<OutboundPayload> BuildAheadAsync(
        IEnumerable<OutboundPayload> payloads, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var enumerator = payloads.GetEnumerator();
        var next = Task.Run(() => enumerator.MoveNext() ? enumerator.Current : null, cancellationToken);
        try
        {
            while (await next is { } payload)
            {
                next = Task.Run(() => enumerator.MoveNext() ? enumerator.Current : null, cancellationToken);
                yield return payload;
            }
        }
        finally
        {
            // The enumerator may still be building on the worker: let it finish before it is disposed.
            await next.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    /// <summary>Sends one payload (or, for a payload with an error, reports its records failed without sending).</summary>
    public async Task<DeliveryResult> SendAsync(Connection connection, OutboundPayload payload, RetryOptions? retry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Error is { } error)
        {
            return new DeliveryResult(payload, null, new SharedOutcome(payload.RecordIds, DeliveryOutcome.Failed, null, error, 0));
        }

        var response = await api.SendAsync(connection, payload.ToRequest(), retry, cancellationToken);
        var outcome = response.IsSuccess ? DeliveryOutcome.Sent : DeliveryOutcome.Failed;
        var message = response.IsSuccess ? null : ResponseErrors.Describe(response);
        return new DeliveryResult(payload, response, new SharedOutcome(payload.RecordIds, outcome, response.StatusCode, message, response.Attempts));
    }

    /// <summary>
    /// Send Test Data: sends one (possibly edited) sample payload once, without retries, so the user sees the
    /// API's own first answer.
    /// </summary>
    public async Task<TestDataResult> SendTestDataAsync(Connection connection, OutboundPayload payload,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Error is { } error)
        {
            return new TestDataResult(0, "", 0, error);
        }

        var response = await api.SendAsync(connection, payload.ToRequest(), new RetryOptions { MaxRetries = 0 }, cancellationToken);
        return new TestDataResult(response.StatusCode, response.Body, (long)response.Duration.TotalMilliseconds, response.TransportError);
    }

    private sealed class Tally
    {
        public int Requests { get; private set; }

        public int Sent { get; private set; }

        public int Failed { get; private set; }

        public void Add(DeliveryResult result)
        {
            Requests += result.Response is null ? 0 : 1;
            Sent += result.Count(DeliveryOutcome.Sent);
            Failed += result.Count(DeliveryOutcome.Failed);
        }
    }
}
