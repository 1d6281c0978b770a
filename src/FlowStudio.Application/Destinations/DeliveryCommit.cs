using FlowStudio.Engine.Destinations;

namespace FlowStudio.Application.Destinations;

/// <summary>A group of answers stored in one transaction, with the offset they settle and the run's counts after them.</summary>
internal sealed record DeliveryCommit(
    string DestinationId,
    string RunId,
    IReadOnlyList<DeliveryAnswer> Answers,
    long? Offset,
    DeliveryTally Counts,
    ISet<long> FailedPast,
    int MaxAttempts,
    TimeSpan RetryDelay,
    DateTime Now);

/// <summary>One payload's result; <see cref="Retry"/> when its records were failed records tried again.</summary>
internal sealed record DeliveryAnswer(DeliveryResult Result, bool Retry);

/// <summary>A run's counts so far.</summary>
internal sealed record DeliveryTally(long Read, long Sent, long Failed, int Requests);
