using Bunit;
using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Shell;

[Collection(AppCollection.Name)]
public sealed class AuditPageTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task AuditPage_AfterAChange_ListsItNewestFirstWithWhoAndWhat()
    {
        using var owner = App.CreateClient();
        var name = "audited_" + Guid.NewGuid().ToString("N")[..6];
        await owner.PostJsonAsync("/api/lookups", new { name, rows = new[] { new { id = "1" } } }, 201);

        var page = RenderWithProviders<AuditPage>();

        page.WaitForAssertion(() =>
        {
            var first = page.Find("[data-testid=audit-table] tbody tr").TextContent;
            Assert.Contains(TestAccounts.OwnerEmail, first, StringComparison.Ordinal);
            Assert.Contains("Create", first, StringComparison.Ordinal);
            Assert.Contains("Lookup", first, StringComparison.Ordinal);
        });
    }
}
