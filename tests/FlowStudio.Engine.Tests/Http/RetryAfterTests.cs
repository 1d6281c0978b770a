using System.Net.Http.Headers;
using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Tests.Http;

public sealed class RetryAfterTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 15, 10, 30, 0, TimeSpan.Zero);

    [Fact]
    public void From_Seconds_WaitsThatLong() =>
        Assert.Equal(TimeSpan.FromSeconds(7), RetryAfter.From(new RetryConditionHeaderValue(TimeSpan.FromSeconds(7)), Now, TimeSpan.FromSeconds(30)));

    [Fact]
    public void From_HttpDate_WaitsUntilThen() =>
        Assert.Equal(TimeSpan.FromSeconds(12), RetryAfter.From(new RetryConditionHeaderValue(Now.AddSeconds(12)), Now, TimeSpan.FromSeconds(30)));

    [Fact]
    public void From_DateInThePast_DoesNotWait() =>
        Assert.Equal(TimeSpan.Zero, RetryAfter.From(new RetryConditionHeaderValue(Now.AddSeconds(-5)), Now, TimeSpan.FromSeconds(30)));

    [Fact]
    public void From_LongerThanMaxDelay_IsCappedAtMaxDelay() =>
        Assert.Equal(TimeSpan.FromSeconds(30), RetryAfter.From(new RetryConditionHeaderValue(TimeSpan.FromHours(1)), Now, TimeSpan.FromSeconds(30)));

    [Fact]
    public void From_NoHeader_LeavesTheBackoffToThePipeline() =>
        Assert.Null(RetryAfter.From(null, Now, TimeSpan.FromSeconds(30)));
}
