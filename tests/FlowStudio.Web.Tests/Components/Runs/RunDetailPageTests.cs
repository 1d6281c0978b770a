using Bunit;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Runs;

[Collection(AppCollection.Name)]
public sealed class RunDetailPageTests(FlowStudioApp app) : ComponentTest(app)
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task RunDetail_ProgressPublished_CountsFollowWithoutAnyTimer()
    {
        var rows = new RunRows(App);
        var (sourceId, name) = await rows.WebhookSourceAsync();
        var runId = await rows.RunningAsync(sourceId, recordsRead: 5);
        try
        {
            var page = RenderWithProviders<RunDetailPage>(p => p.Add(x => x.Id, runId));
            page.WaitForAssertion(() => Assert.Equal("5", page.Find("[data-testid=run-counts] [data-testid=run-read]").TextContent), Wait);
            Assert.Equal($"Run of {name}", page.Find("h1").TextContent);
            Assert.Equal("Running", page.Find("[data-testid=run-status]").TextContent.Trim());
            Assert.Equal("5", page.Find("[data-testid=run-progress] [data-testid=progress-read]").TextContent);

            // The engine saved new counts but has not said so yet: nothing polls, so the page still shows the old ones.
            await rows.ReadAsync(runId, 1234);
            await Task.Delay(1500);
            Assert.Equal("5", page.Find("[data-testid=run-counts] [data-testid=run-read]").TextContent);

            rows.Announce(sourceId, runId);
            page.WaitForAssertion(() => Assert.Equal("1,234", page.Find("[data-testid=run-progress] [data-testid=progress-read]").TextContent), Wait);
            Assert.Equal("1,234", page.Find("[data-testid=run-counts] [data-testid=run-read]").TextContent);

            await rows.FinishAsync(runId);
            rows.Announce(sourceId, runId);
            page.WaitForAssertion(() => Assert.Equal("Succeeded", page.Find("[data-testid=run-status]").TextContent.Trim()), Wait);
            Assert.Empty(page.FindAll("[data-testid=run-progress]"));
        }
        finally
        {
            await rows.FinishAsync(runId);
        }
    }

    [Fact]
    public async Task RunDetail_ChangeOfAnotherRun_DoesNotReadAgain()
    {
        var rows = new RunRows(App);
        var (sourceId, _) = await rows.WebhookSourceAsync();
        var runId = await rows.RunningAsync(sourceId, recordsRead: 7);
        try
        {
            var page = RenderWithProviders<RunDetailPage>(p => p.Add(x => x.Id, runId));
            page.WaitForAssertion(() => Assert.Equal("7", page.Find("[data-testid=run-counts] [data-testid=run-read]").TextContent), Wait);

            await rows.ReadAsync(runId, 70);
            rows.Announce(sourceId, "run_someoneelse");
            await Task.Delay(1000);

            Assert.Equal("7", page.Find("[data-testid=run-counts] [data-testid=run-read]").TextContent);
        }
        finally
        {
            await rows.FinishAsync(runId);
        }
    }
}
