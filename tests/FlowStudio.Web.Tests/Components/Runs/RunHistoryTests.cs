using Bunit;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Runs;

[Collection(AppCollection.Name)]
public sealed class RunHistoryTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunHistory_RunQueuedForItsResource_AppearsWithItsProgress()
    {
        var rows = new RunRows(App);
        var (sourceId, _) = await rows.WebhookSourceAsync();
        var history = RenderWithProviders<RunHistory>(p => p.Add(x => x.ResourceId, sourceId).Add(x => x.Compact, true).Add(x => x.Limit, 5));
        history.WaitForAssertion(() => Assert.NotNull(history.Find("[data-testid=runs-empty]")), Wait);

        var runId = await rows.RunningAsync(sourceId, recordsRead: 42);
        try
        {
            rows.Announce(sourceId, runId);

            history.WaitForAssertion(() => Assert.Single(history.FindAll("[data-testid=runs-table] tbody tr")), Wait);
            Assert.Equal("42", history.Find("[data-testid=run-progress] [data-testid=progress-read]").TextContent);
            Assert.Equal("Reading…", history.Find("[data-testid=run-progress] strong").TextContent);
            Assert.Contains("Running", history.Find("[data-testid=runs-table] tbody tr").TextContent, StringComparison.Ordinal);
            Assert.Equal($"/runs/{runId}", history.Find("[data-testid=runs-table] tbody tr a").GetAttribute("href"));
        }
        finally
        {
            await rows.FinishAsync(runId);
        }
    }

    [Fact]
    public async Task RunHistory_StatusFilter_ListsOnlyThoseRunsWithAChart()
    {
        var rows = new RunRows(App);
        var (sourceId, name) = await rows.WebhookSourceAsync();
        var finished = await rows.RunningAsync(sourceId, recordsRead: 3);
        await rows.FinishAsync(finished);
        var running = await rows.RunningAsync(sourceId, recordsRead: 1);
        try
        {
            var history = RenderWithProviders<RunHistory>(p => p.Add(x => x.ResourceId, sourceId).Add(x => x.Status, RunStatus.Succeeded));

            history.WaitForAssertion(() => Assert.Single(history.FindAll("[data-testid=runs-table] tbody tr")), Wait);
            var row = history.Find("[data-testid=runs-table] tbody tr");
            Assert.Contains(name, row.TextContent, StringComparison.Ordinal);
            Assert.Contains("Succeeded", row.TextContent, StringComparison.Ordinal);
            Assert.Empty(history.FindAll("[data-testid=run-progress]"));
            Assert.Contains("3 read by sources", history.Find("[data-testid=runs-chart]").GetAttribute("aria-label"), StringComparison.Ordinal);
            Assert.NotEmpty(history.FindAll("[data-testid=runs-chart] svg"));
        }
        finally
        {
            await rows.FinishAsync(running);
        }
    }
}
