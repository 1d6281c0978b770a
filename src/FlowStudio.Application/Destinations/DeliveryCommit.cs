using FlowStudio.Engine.Destinations;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// A group of answers stored in one transaction, with the offset they settle (the destination's, or with
/// <see cref="Slice"/> that slice's) and the pass's counts after them (<see cref="Added"/>: since its last commit).
/// </summary>
internal sealed record DeliveryCommit(
    string DestinationId,
    string RunId,
    int? Slice,
    IReadOnlyList<DeliveryAnswer> Answers,
    long? Offset,
    DeliveryTally Counts,
    DeliveryTally Added,
    ISet<long> FailedPast,
    int MaxAttempts,
    TimeSpan RetryDelay,
    DateTime Now);

/// <summary>One payload's result; <see cref="Retry"/> when its records were failed records tried again.</summary>
internal sealed record DeliveryAnswer(DeliveryResult Result, bool Retry);

/// <summary>A run's counts so far.</summary>
internal sealed record DeliveryTally(long Read, long Sent, long Failed, int Requests)
{
    public static readonly DeliveryTally None = new(0, 0, 0, 0);

    public DeliveryTally Less(DeliveryTally before) => new(Read - before.Read, Sent - before.Sent, Failed - before.Failed, Requests - before.Requests);
}
