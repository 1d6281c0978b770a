using System.Collections.Concurrent;
using System.Threading.Channels;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// One delivery run's loop. A reader fetches the next page of records (through <c>records</c>, a store on a connection of
/// its own, so a page read never holds up a commit) and builds its payloads while requests are in flight;
/// up to <c>concurrency</c> senders (each also holding one of the engine-wide <see cref="DeliverySlots"/>) send them. A
/// sender with an answer commits it, with every other answer that has arrived meanwhile, in one transaction (group commit:
/// the sender that finds no commit running does it, so a lone sender commits with no hand-over to another thread), and the
/// offset advances over the longest run of answered payloads. A sender waits for its answer to be committed before it sends again, so a crash
/// re-sends at most the requests in flight. An ingest job a request starts is followed to its end in the background,
/// without a sending slot (at most <see cref="MaxFollowedJobs"/> per sender at once): sending goes on meanwhile, the job's
/// answer is committed when it ends (a crash re-sends those requests too), and the run ends when every job has.
/// </summary>
internal sealed class DeliveryPipeline(
    DeliveryStore store, DeliveryStore records, PayloadBuilder builder, DeliveryRunner runner, DeliverySlots slots, DeliveryRunSettings settings)
{
    private readonly Channel<QueuedPayload> _payloads = Channel.CreateBounded<QueuedPayload>(Math.Max(8, settings.Concurrency * 2));
    private readonly ConcurrentQueue<Answered> _answers = new();
    private readonly SemaphoreSlim _committing = new(1, 1);
    private Exception? _commitError;
    private const int MaxFollowedJobs = 4;

    private readonly SortedDictionary<long, (long? Settles, int Reads)> _done = [];
    private readonly SemaphoreSlim _following = new(MaxFollowedJobs * settings.Concurrency);
    private readonly List<Task> _followers = [];
    // Records count as read when the offset passes them (or, tried again, when their payload is answered), in the same commit:
    // a run resumed after a crash reads again from the offset and counts those records then, so none is counted twice.
    private long _read;
    private long _sent;
    private long _failed;
    private int _requests;
    private long _nextSeq;
    private long _nextCommitted;
    private long? _offset;
    private DeliveryTally _committed = DeliveryTally.None;
    private (OutboundPayload Payload, long? Settles, int Reads, bool Retry)? _held;

    /// <summary>The run's counts before this pipeline (a run resumed on another instance goes on counting from them).</summary>
    public DeliveryTally Earlier
    {
        init => ((_read, _sent, _failed, _requests), _committed) = ((value.Read, value.Sent, value.Failed, value.Requests), value);
    }

    /// <summary>Called after each commit, with the run's counts.</summary>
    public Action<DeliveryTally>? Committed { get; init; }

    /// <summary>
    /// Called after each commit with its answers (the response webhook), before the next commit starts: commits run one at a
    /// time, so this may use the committing store's connection.
    /// </summary>
    public Func<IReadOnlyList<DeliveryResult>, Task>? Stored { get; init; }

    public async Task<DeliveryTally> RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var reader = Task.Run(() => ReadAsync(stop.Token), CancellationToken.None);
        var senders = Enumerable.Range(0, settings.Concurrency).Select(_ => Task.Run(() => SendLoopAsync(stop), CancellationToken.None)).ToArray();
        try
        {
            await Task.WhenAll(senders);
            await reader;
            await Task.WhenAll(Followers());
        }
        finally
        {
            await Task.WhenAll(Followers()).ContinueWith(_ => { }, TaskScheduler.Default);
            _following.Dispose();
        }

        return Tally();
    }

    private Task[] Followers()
    {
        lock (_followers)
        {
            return [.. _followers];
        }
    }

    private DeliveryTally Tally() => new(_read, _sent, _failed, _requests);

    private async Task ReadAsync(CancellationToken cancellationToken)
    {
        Task<(List<DeliveryRecord> Page, List<OutboundPayload> Payloads)>? reading = null;
        try
        {
            long after = 0;
            while (settings.Range.RetryFailed && await records.DueFailedAsync(
                       settings.DestinationId, settings.DatasetId, settings.Range.Offset, settings.DueBy, after, settings.PageSize, cancellationToken) is { Count: > 0 } retried)
            {
                after = retried[^1].Id;
                foreach (var payload in await builder.BuildPageAsync(settings.Config, retried, cancellationToken))
                {
                    await EnqueueAsync(payload, null, payload.RecordIds.Count, retry: true, cancellationToken);
                }
            }

            // The next page is read and built while this one's payloads wait for room in the queue.
            reading = PageAfterAsync(settings.Range.Offset, cancellationToken);
            while (await reading is ({ Count: > 0 } page, var payloads))
            {
                reading = PageAfterAsync(page[^1].Id, cancellationToken);
                var (settles, reads) = Settles(page, payloads);
                for (var i = 0; i < payloads.Count; i++)
                {
                    await EnqueueAsync(payloads[i], settles[i], reads[i], retry: false, cancellationToken);
                }
            }

            if (_held is { } last)
            {
                // The load's last call, as written (isLastBatch=true): with one sender, every call before it is answered.
                _held = null;
                await _payloads.Writer.WriteAsync(new QueuedPayload(_nextSeq++, last.Payload, last.Settles, last.Reads, last.Retry), cancellationToken);
            }

            _payloads.Writer.TryComplete();
        }
        catch (Exception error)
        {
            _payloads.Writer.TryComplete(error);
            if (reading is not null)
            {
                // The page being read ahead uses the reader's connection, which the pass closes after this returns.
                await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            }

            throw;
        }
    }

    // Payloads go to the senders in the order they were built. A load that its last call closes (LastBatchFlag) keeps one
    // payload back until the next is built, so the one left when the records end is the last, and the others say
    // isLastBatch=false.
    private async Task EnqueueAsync(OutboundPayload payload, long? settles, int reads, bool retry, CancellationToken cancellationToken)
    {
        if (!settings.ClosesLoad)
        {
            await _payloads.Writer.WriteAsync(new QueuedPayload(_nextSeq++, payload, settles, reads, retry), cancellationToken);
            return;
        }

        if (_held is { } held)
        {
            await _payloads.Writer.WriteAsync(
                new QueuedPayload(_nextSeq++, held.Payload with { Url = LastBatchFlag.Intermediate(held.Payload.Url) }, held.Settles, held.Reads, held.Retry),
                cancellationToken);
        }

        _held = (payload, settles, reads, retry);
    }

    private async Task<(List<DeliveryRecord> Page, List<OutboundPayload> Payloads)> PageAfterAsync(long after, CancellationToken cancellationToken)
    {
        var page = await records.RecordsAfterAsync(settings.DatasetId, after, settings.Range.UpTo, settings.PageSize, cancellationToken);
        return (page, page.Count > 0 ? await builder.BuildPageAsync(settings.Config, page, cancellationToken) : []);
    }

    /// <summary>
    /// For each payload of a page, the highest record id settled once it and every payload before it are answered (null when
    /// it settles nothing new), and how many records that settles: a record that cannot be built comes out ahead of the batch
    /// it interrupted.
    /// </summary>
    private static (long?[] Settles, int[] Reads) Settles(List<DeliveryRecord> records, List<OutboundPayload> payloads)
    {
        var payloadOf = new Dictionary<long, int>(records.Count);
        for (var i = 0; i < payloads.Count; i++)
        {
            foreach (var id in payloads[i].RecordIds)
            {
                payloadOf[id] = i;
            }
        }

        var settles = new long?[payloads.Count];
        var reads = new int[payloads.Count];
        var last = -1;
        foreach (var record in records)
        {
            last = Math.Max(last, payloadOf.GetValueOrDefault(record.Id, -1));
            if (last >= 0)
            {
                settles[last] = record.Id;
                reads[last]++;
            }
        }

        return (settles, reads);
    }

    private async Task SendLoopAsync(CancellationTokenSource stop)
    {
        try
        {
            await foreach (var queued in _payloads.Reader.ReadAllAsync(stop.Token))
            {
                DeliveryResult result;
                await slots.WaitAsync(stop.Token);
                try
                {
                    result = await runner.StartAsync(settings.Connection, queued.Payload, settings.Retry, stop.Token);
                }
                finally
                {
                    slots.Release();
                }

                if (result.FollowsJob)
                {
                    await _following.WaitAsync(stop.Token);
                    var follower = Task.Run(() => FollowAsync(queued, result, stop), CancellationToken.None);
                    lock (_followers)
                    {
                        _followers.Add(follower);
                    }

                    continue;
                }

                await AnswerAsync(queued, result, stop);
            }
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
    }

    private async Task FollowAsync(QueuedPayload queued, DeliveryResult started, CancellationTokenSource stop)
    {
        try
        {
            await AnswerAsync(queued, await runner.FollowAsync(settings.Connection, started, settings.Retry, stop.Token), stop);
        }
        catch
        {
            await stop.CancelAsync();
            throw;
        }
        finally
        {
            _following.Release();
        }
    }

    /// <summary>
    /// Returns when the answer is committed (the answer is in even if the run is being cancelled). The sender that finds no
    /// commit running commits every answer that has arrived; one that finds its answer committed meanwhile just goes on.
    /// </summary>
    private async Task AnswerAsync(QueuedPayload queued, DeliveryResult result, CancellationTokenSource stop)
    {
        var answered = new Answered(queued, result, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        _answers.Enqueue(answered);
        await _committing.WaitAsync(CancellationToken.None);
        try
        {
            if (!answered.Committed.Task.IsCompleted)
            {
                await CommitArrivedAsync(stop);
            }
        }
        finally
        {
            _committing.Release();
        }

        await answered.Committed.Task;
    }

    private async Task CommitArrivedAsync(CancellationTokenSource stop)
    {
        var batch = new List<Answered>();
        while (_answers.TryDequeue(out var answered))
        {
            batch.Add(answered);
        }

        if (_commitError is { } earlier)
        {
            batch.ForEach(a => a.Committed.TrySetException(earlier));
            return;
        }

        try
        {
            await CommitAsync(batch);
            batch.ForEach(a => a.Committed.TrySetResult());
        }
        catch (Exception error)
        {
            _commitError = error;
            await stop.CancelAsync();
            batch.ForEach(a => a.Committed.TrySetException(error));
        }
    }

    private async Task CommitAsync(List<Answered> batch)
    {
        foreach (var answered in batch)
        {
            var result = answered.Result;
            _sent += result.SentCount;
            _failed += result.FailedCount;
            _requests += result.Response is null ? 0 : 1;
            _done.Add(answered.Queued.Seq, (answered.Queued.Settles, answered.Queued.Reads));
        }

        var offset = _offset;
        while (_done.Count > 0 && _done.First() is var first && first.Key == _nextCommitted)
        {
            _done.Remove(first.Key);
            _nextCommitted++;
            offset = first.Value.Settles ?? offset;
            _read += first.Value.Reads;
        }

        var changed = offset != _offset;
        _offset = offset;
        var tally = Tally();
        var added = tally.Less(_committed);
        var answers = batch.ConvertAll(a => new DeliveryAnswer(a.Result, a.Queued.Retry));
        await store.CommitAsync(new DeliveryCommit(settings.DestinationId, settings.RunId, settings.Range.Slice, answers, changed ? offset : null, tally, added,
            settings.FailedPast, settings.MaxAttempts, settings.RetryDelay, settings.Now()), CancellationToken.None);
        _committed = tally;
        Committed?.Invoke(tally);
        if (Stored is not null)
        {
            await Stored(batch.ConvertAll(a => a.Result));
        }
    }

    private sealed record QueuedPayload(long Seq, OutboundPayload Payload, long? Settles, int Reads, bool Retry);

    private sealed record Answered(QueuedPayload Queued, DeliveryResult Result, TaskCompletionSource Committed);
}

/// <summary>What one delivery run needs to know: where from, where to, how, and how far it got before.</summary>
internal sealed record DeliveryRunSettings(
    string DestinationId,
    string RunId,
    string DatasetId,
    DestinationConfig Config,
    Connection Connection,
    RetryOptions Retry,
    int Concurrency,
    int PageSize,
    DeliveryRange Range,
    ISet<long> FailedPast,
    DateTime DueBy,
    int MaxAttempts,
    TimeSpan RetryDelay,
    Func<DateTime> Now,
    bool ClosesLoad = false);

/// <summary>
/// Which records one pass of the pipeline delivers: the due failed records up to <paramref name="Offset"/> when
/// <paramref name="RetryFailed"/>, then the records in (<paramref name="Offset"/>, <paramref name="UpTo"/>]. Its progress is
/// the destination's offset, or with <paramref name="Slice"/> that slice's own.
/// </summary>
internal sealed record DeliveryRange(long Offset, long UpTo, bool RetryFailed, int? Slice)
{
    /// <summary>Everything a run without slices delivers: due failed records, then every record past the offset.</summary>
    public static DeliveryRange Whole(long offset) => new(offset, long.MaxValue, RetryFailed: true, Slice: null);
}
