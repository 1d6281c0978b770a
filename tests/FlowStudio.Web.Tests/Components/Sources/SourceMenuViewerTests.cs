using Bunit;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Sources;

[Collection(AppCollection.Name)]
public sealed class SourceMenuViewerTests(FlowStudioApp app) : SourceScreenTest(app, AccountRole.Viewer)
{
    [Fact]
    public async Task SourcePage_Viewer_MenuOffersOnlyRunsAndTheDatasetNoPlus()
    {
        var source = await CreateSourceAsync(new { name = Unique("Watched"), credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-contracts" });
        var page = RenderWithProviders<SourceDetailPage>(p => p.Add(x => x.Id, source.GetProperty("id").GetString()!));
        page.WaitForElement("[data-testid=source-summary]");

        page.Find("[data-testid=source-menu] button").Click();

        Providers.WaitForAssertion(() => Assert.Equal(["Runs", "Export"], Providers.FindAll("[role=menuitem]").Select(i => i.TextContent.Trim())));
        Assert.Empty(page.FindAll("[aria-label='Add a step after this dataset']"));
    }
}
