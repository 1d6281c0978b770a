using System.Text.Json;
using Bunit;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Components.Destinations;

/// <summary>The Mapping section of the Template tab: pulses sent to Clari "Ingest Bulk Entities".</summary>
[Collection(AppCollection.Name)]
public sealed class DestinationMappingTests(FlowStudioApp app) : ComponentTest(app)
{
    [Fact]
    public async Task Mapping_EndpointChosen_ProposesSameNamedAttributesWithTheConversionTheirTypeNeeds()
    {
        var cut = await IngestEditorAsync();

        Assert.Equal(["id", "createdAt", "updatedAt", "name"], cut.FindAll("[data-testid=mapping-row]").Select(r => r.GetAttribute("data-field")));
        Assert.Equal(3, cut.FindAll("[data-testid=mapping-row]").Take(3).Count(r => r.TextContent.Contains("Required", StringComparison.Ordinal)));
        Assert.Equal("Dataset attribute", cut.Shown("Source for id"));
        Assert.Equal("id (integer)", cut.Shown("Attribute for id"));
        Assert.Equal("Number → text", cut.Shown("Conversion for id"));
        Assert.Equal("Not mapped", cut.Shown("Source for createdAt"));
        Assert.Contains("JavaScript expression over record", cut.Find("#mapping-help").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mapping_RequiredFieldsEmpty_SamplePanelWarnsNamingTheFieldAndTheRecords()
    {
        var cut = await IngestEditorAsync();

        await cut.EventuallyAsync(() =>
        {
            var warnings = cut.Find("[data-testid=sample-warnings]").TextContent;
            Assert.Contains("Payload 1: createdAt is required but empty in records 1, 2, 3 and 97 more of 100.", warnings, StringComparison.Ordinal);
            Assert.Contains("Payload 1: updatedAt is required but empty", warnings, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Mapping_DateTextConvertedToEpochMs_SamplesCarryNumbersAndTheWarningGoes()
    {
        var cut = await IngestEditorAsync();
        foreach (var field in new[] { "createdAt", "updatedAt" })
        {
            await cut.ChooseAsync(Providers, $"Source for {field}", "Dataset attribute");
            await cut.ChooseAsync(Providers, $"Attribute for {field}", "createdTimestamp (string)");
            await cut.ChooseAsync(Providers, $"Conversion for {field}", "Date text → epoch ms");
        }

        await cut.EventuallyAsync(() =>
        {
            Assert.Equal("false", cut.Find("#sample-payloads").GetAttribute("aria-busy"));
            Assert.Empty(cut.FindAll("[data-testid=sample-warnings]"));
            var record = JsonDocument.Parse(cut.Samples()[0].QuerySelector("pre")!.TextContent).RootElement[0].GetProperty("records")[0];
            Assert.Equal(JsonValueKind.String, record.GetProperty("id").ValueKind);
            Assert.Equal(JsonValueKind.Number, record.GetProperty("createdAt").ValueKind);
            Assert.Equal(record.GetProperty("createdAt").GetInt64(), record.GetProperty("updatedAt").GetInt64());
        });
    }

    [Fact]
    public async Task Mapping_BadExpression_SaysSoBesideTheFieldAndInThePanel()
    {
        var cut = await IngestEditorAsync();
        await cut.ChooseAsync(Providers, "Source for updatedAt", "Expression");

        await cut.Find("#mapping-updatedAt-value").InputAsync(new Microsoft.AspNetCore.Components.ChangeEventArgs { Value = "Date.parse(record.createdTimestamp" });

        await cut.EventuallyAsync(() =>
            Assert.StartsWith("The expression for updatedAt is not valid JavaScript", cut.Find("#mapping-updatedAt-value-error").TextContent.Trim(), StringComparison.Ordinal));
        Assert.Equal("#mapping-updatedAt-value", cut.Find("[data-testid=sample-problems] a").GetAttribute("href"));
    }

    private async Task<IRenderedComponent<DestinationEditor>> IngestEditorAsync()
    {
        using var client = App.CreateClient();
        var datasetId = await Flows.PulsesDatasetAsync(client);
        var credentialId = await client.CredentialIdAsync("Clari Sandbox");
        var cut = RenderWithProviders<DestinationEditor>(p => p.Add(e => e.DatasetId, datasetId).Add(e => e.CredentialId, credentialId));
        await cut.EventuallyAsync(() => Assert.Equal(["Template", "Advanced"], cut.FindAll("[role=tab]").Select(t => t.TextContent.Trim())));
        await cut.ChooseAsync(Providers, "Endpoint", "Ingest Bulk Entities");
        await cut.ChooseAsync(Providers, "Entity Type", "Account");
        await cut.WaitForSamplesAsync(3, "100 records");
        return cut;
    }
}
