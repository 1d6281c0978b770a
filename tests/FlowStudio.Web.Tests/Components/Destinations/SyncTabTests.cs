using Bunit;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace FlowStudio.Web.Tests.Components.Destinations;

[Collection(AppCollection.Name)]
public sealed class SyncTabTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task SyncTab_FieldsNamedLikeDatasetAttributes_AreMappedAutomatically()
    {
        var cut = await SyncEditorAsync();

        Assert.Equal("name", cut.Shown("Dataset field for name"));
        Assert.Equal("status", cut.Shown("Dataset field for status"));
        Assert.Equal("siteUrl", cut.Shown("Dataset field for siteUrl"));
        Assert.Equal("street", cut.Shown("Dataset field for street"));
        await cut.WaitForSamplesAsync(5);
        Assert.Contains("/v2/client/upsert", cut.Samples()[0].TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SyncTab_ObjectTypeSwitched_KeepsTheMappingsThatStillApply()
    {
        var cut = await SyncEditorAsync();
        await cut.ChooseAsync(Providers, "Dataset field for status", "Not mapped");
        await cut.ChooseAsync(Providers, "Dataset field for name", "uuid");

        await cut.ChooseAsync(Providers, "Object Type", "Contract");

        Assert.Contains("clientId", cut.Find("[data-testid=sync-required-fields]").TextContent, StringComparison.Ordinal);
        Assert.Equal("uuid", cut.Shown("Dataset field for name"));
        Assert.Equal("Not mapped", cut.Shown("Dataset field for clientId"));

        await cut.ChooseAsync(Providers, "Object Type", "Client");

        Assert.Equal("uuid", cut.Shown("Dataset field for name"));
        Assert.Equal("Not mapped", cut.Shown("Dataset field for status"));
        Assert.Equal("siteUrl", cut.Shown("Dataset field for siteUrl"));
    }

    private async Task<IRenderedComponent<DestinationEditor>> SyncEditorAsync()
    {
        using var client = App.CreateClient();
        var datasetId = await Flows.ClientsDatasetAsync(client);
        var credentialId = await client.CredentialIdAsync("ClientSuccess Sandbox");
        var cut = RenderWithProviders<DestinationEditor>(p => p.Add(e => e.DatasetId, datasetId).Add(e => e.CredentialId, credentialId));
        await cut.EventuallyAsync(() => Assert.Equal(["Template", "Advanced", "Sync"], cut.FindAll("[role=tab]").Select(t => t.TextContent.Trim())));
        await cut.TabAsync("Sync");
        return cut;
    }
}
