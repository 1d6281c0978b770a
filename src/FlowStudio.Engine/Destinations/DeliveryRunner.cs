using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Sends one delivery payload through <see cref="ApiClient"/> (one Polly pipeline: retries on 408, 429, 5xx and network
/// faults, honouring Retry-After and the credential's rate budget) and says what the answer means for its records: a 4xx
/// other than 408 and 429 is permanent for that payload; a bulk answer that lists failed items fails only those records;
/// an ingest job (Clari bulk ingest's 202 with a job id) is followed to its end and its records fail with the job.
/// The host's delivery loop decides what to send and stores the outcomes.
/// </summary>
public sealed class DeliveryRunner(ApiClient api, TimeProvider time)
{
    private static readonly TimeSpan FirstJobPoll = TimeSpan.FromMilliseconds(200);
    private static readonly TimeSpan LongestJobPoll = TimeSpan.FromSeconds(10);

    /// <summary>How long a job is followed before its records are reported failed (and tried again later).</summary>
    public TimeSpan JobTimeout { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>Sends one payload (or, for a payload with an error, reports its records failed without sending), following an ingest job it starts to its end.</summary>
    public async Task<DeliveryResult> SendAsync(Connection connection, OutboundPayload payload, RetryOptions? retry = null,
        CancellationToken cancellationToken = default) =>
        await FollowAsync(connection, await StartAsync(connection, payload, retry, cancellationToken), retry, cancellationToken);

    /// <summary>
    /// Sends one payload without following an ingest job it starts: then the result is <see cref="DeliveryOutcome.Sent"/>
    /// with a <see cref="DeliveryResult.Job"/> that is not final yet (<see cref="DeliveryResult.FollowsJob"/>), for
    /// <see cref="FollowAsync"/> to finish once the sending slot is free for other payloads.
    /// </summary>
    public async Task<DeliveryResult> StartAsync(Connection connection, OutboundPayload payload, RetryOptions? retry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(connection);
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Error is { } error)
        {
            return new DeliveryResult(payload, null, DeliveryOutcome.Failed, error, Permanent: true, []);
        }

        var response = await api.SendAsync(connection, payload.ToRequest(), retry, cancellationToken);
        if (!response.IsSuccess)
        {
            return new DeliveryResult(payload, response, DeliveryOutcome.Failed, ResponseErrors.Describe(response), IsPermanent(response.StatusCode), []);
        }

        return IngestJobs.StartedJob(connection, response) is { } jobId
            ? new DeliveryResult(payload, response, DeliveryOutcome.Sent, null, false, [], new IngestJobOutcome(jobId, "QUEUED", null))
            : new DeliveryResult(payload, response, DeliveryOutcome.Sent, null, false, ItemResults.Failures(payload, response.Body));
    }

    /// <summary>Follows the ingest job of a result of <see cref="StartAsync"/> to its end (a result without one is final already).</summary>
    public async Task<DeliveryResult> FollowAsync(Connection connection, DeliveryResult started, RetryOptions? retry = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(started);
        if (!started.FollowsJob)
        {
            return started;
        }

        var job = await FollowJobAsync(connection, started.Job!.JobId, retry, cancellationToken);
        return job.Succeeded
            ? started with { Job = job }
            : started with { Outcome = DeliveryOutcome.Failed, Error = job.Error, Permanent = IngestJobs.IsPermanent(job.State), Job = job };
    }

    /// <summary>
    /// Send Test Data: sends one (possibly edited) sample payload once, without retries, so the user sees the
    /// API's own first answer; within the credential's <paramref name="budget"/> when it has one.
    /// </summary>
    public async Task<TestDataResult> SendTestDataAsync(Connection connection, OutboundPayload payload, IRateBudget? budget = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (payload.Error is { } error)
        {
            return new TestDataResult(0, "", 0, error);
        }

        var response = await api.SendAsync(connection, payload.ToRequest(), new RetryOptions { MaxRetries = 0, RateBudget = budget }, cancellationToken);
        return new TestDataResult(response.StatusCode, response.Body, (long)response.Duration.TotalMilliseconds, response.TransportError);
    }

    /// <summary>A 4xx other than 408 (timeout) and 429 (rate limit) says the payload itself is wrong: sending it again gives the same answer.</summary>
    public static bool IsPermanent(int status) => status is >= 400 and < 500 and not 408 and not 429;

    /// <summary>Polls the job's status, within the rate budget, waiting longer between polls, until it ends or <see cref="JobTimeout"/> passes.</summary>
    private async Task<IngestJobOutcome> FollowJobAsync(Connection connection, string jobId, RetryOptions? retry, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var wait = FirstJobPoll;
        var state = "QUEUED";
        while (true)
        {
            await Task.Delay(wait, time, cancellationToken);
            var answer = await api.SendAsync(connection, IngestJobs.StatusRequest(jobId), retry, cancellationToken);
            var (current, reasons) = IngestJobs.Read(answer);
            state = current ?? state;
            if (IngestJobs.IsFinal(state))
            {
                return new IngestJobOutcome(jobId, state, state == "SUCCESS" ? null : reasons ?? ResponseErrors.Describe(answer));
            }

            if (current is null && IsPermanent(answer.StatusCode))
            {
                return new IngestJobOutcome(jobId, state, $"Following job {jobId}: {ResponseErrors.Describe(answer)}");
            }

            if (time.GetElapsedTime(started) > JobTimeout)
            {
                return new IngestJobOutcome(jobId, state, $"Job {jobId} was still {state} after {JobTimeout.TotalMinutes:0} minutes.");
            }

            wait = TimeSpan.FromTicks(Math.Min(wait.Ticks * 2, LongestJobPoll.Ticks));
        }
    }
}
