using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Runs;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowStudio.Web.Tests.Features.Runs;

public sealed class RunEventsTests
{
    private static readonly RunRequest Run = new("run_1", "dst_1", RunKind.Destination);

    [Fact]
    public async Task Progressed_ManyTimesWithinTheInterval_IsPassedOnOnce_ThenAgainAfterIt()
    {
        var (events, changes, clock) = CreateSut();

        events.Progressed(Run);
        events.Progressed(Run);
        clock.Advance(RunEvents.ProgressInterval / 2);
        events.Progressed(Run);
        await changes.WaitForAsync(1);
        Assert.Single(changes.Seen);

        clock.Advance(RunEvents.ProgressInterval);
        events.Progressed(Run);
        await changes.WaitForAsync(2);
        Assert.Equal(new FlowChange(FlowChangeKind.Run, "dst_1", "run_1"), changes.Seen[1]);
    }

    [Fact]
    public async Task Finished_RightAfterProgress_IsAlwaysPassedOn()
    {
        var (events, changes, _) = CreateSut();

        events.Changed(Run);
        events.Progressed(Run);
        events.Finished(Run);

        await changes.WaitForAsync(3);
        Assert.All(changes.Seen, change => Assert.Equal("run_1", change.RunId));
    }

    private static (RunEvents Events, Changes Changes, Clock Clock) CreateSut()
    {
        var feed = new FlowEvents(NullLogger<FlowEvents>.Instance);
        var changes = new Changes();
        feed.Subscribe(changes.AddAsync);
        var clock = new Clock();
        return (new RunEvents(feed, clock), changes, clock);
    }

    private sealed class Clock : TimeProvider
    {
        private long _ticks = 1_000_000;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => _ticks;

        public void Advance(TimeSpan by) => _ticks += by.Ticks;
    }

    private sealed class Changes
    {
        private readonly Lock _gate = new();
        private readonly List<FlowChange> _seen = [];

        public IReadOnlyList<FlowChange> Seen
        {
            get
            {
                lock (_gate)
                {
                    return [.. _seen];
                }
            }
        }

        public Task AddAsync(FlowChange change)
        {
            lock (_gate)
            {
                _seen.Add(change);
            }

            return Task.CompletedTask;
        }

        public async Task WaitForAsync(int count)
        {
            for (var i = 0; i < 100 && Seen.Count < count; i++)
            {
                await Task.Delay(10);
            }

            // Give a change published in excess the time to show up too.
            await Task.Delay(50);
            Assert.Equal(count, Seen.Count);
        }
    }
}
