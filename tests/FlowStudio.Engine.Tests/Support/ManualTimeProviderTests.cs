namespace FlowStudio.Engine.Tests.Support;

public sealed class ManualTimeProviderTests
{
    [Fact]
    public async Task Advance_PastADelay_CompletesIt()
    {
        var time = new ManualTimeProvider();
        var delay = Task.Delay(TimeSpan.FromSeconds(5), time);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(delay.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        await delay.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Advance_CancelAfter_CancelsTheToken()
    {
        var time = new ManualTimeProvider();
        using var source = new CancellationTokenSource(TimeSpan.FromMinutes(1), time);

        time.Advance(TimeSpan.FromSeconds(59));
        Assert.False(source.IsCancellationRequested);
        time.Advance(TimeSpan.FromSeconds(1));
        Assert.True(source.IsCancellationRequested);
    }

    [Fact]
    public void GetUtcNow_MovesOnlyWhenAdvanced()
    {
        var time = new ManualTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        var start = time.GetTimestamp();

        time.Advance(TimeSpan.FromHours(2));

        Assert.Equal(new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero), time.GetUtcNow());
        Assert.Equal(TimeSpan.FromHours(2), time.GetElapsedTime(start));
    }
}
