using Bunit;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Tests.Components.Destinations;
using FlowStudio.Web.Tests.Features.Syncs;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Syncs;

/// <summary>A sync run's page: what it did per object and side, linking back to its sync.</summary>
[Collection(AppCollection.Name)]
public sealed class SyncRunPageTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task RunDetail_InitialImport_ShowsTheCountsPerObjectAndSide()
    {
        using var client = App.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var request = await SyncSetup.RequestAsync(client, filter: [new SyncCondition("Account_Name", "equals", "Umbrella Labs 003")]);
        var id = (await SyncSetup.CreatedAsync(client, request)).GetProperty("id").GetString()!;
        try
        {
            var run = await SyncSetup.RunAsync(client, id, "import");
            var report = await SyncSetup.ReportAsync(client, id, run);

            var page = RenderWithProviders<RunDetailPage>(p => p.Add(x => x.Id, run.GetProperty("id").GetString()!));

            await page.EventuallyAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=run-report-counts]")));
            Assert.Equal("Sync run", page.Find(".page-pretitle").TextContent.Trim());
            Assert.Equal($"/syncs/{id}", page.Find("[data-testid=run-counts] a").GetAttribute("href"));
            var clients = page.Find("[data-testid=run-report-counts] [data-object=client][data-side=clientsuccess]");
            Assert.Equal("1", clients.QuerySelector("[data-testid=created]")!.TextContent);
            var contacts = page.Find("[data-testid=run-report-counts] [data-object=contact][data-side=clientsuccess]");
            Assert.Equal(SyncSetup.Count(report, "contact", "clientsuccess", "created").ToString("N0"), contacts.QuerySelector("[data-testid=created]")!.TextContent);
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }
}
