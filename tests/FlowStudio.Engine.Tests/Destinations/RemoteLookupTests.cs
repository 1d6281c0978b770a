using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Tests.Templates;

namespace FlowStudio.Engine.Tests.Destinations;

public sealed class RemoteLookupTests
{
    [Theory]
    [InlineData(SyncMode.Upsert, LookupKind.NaturalKey)]
    [InlineData(SyncMode.Update, LookupKind.SameUrl)]
    [InlineData(SyncMode.Insert, LookupKind.None)]
    public void For_ClientSuccessContactSync_FollowsTheMode(SyncMode mode, LookupKind expected)
    {
        var config = new ClientSuccessSync(ClientSuccessObject.Contact, mode).ToDestinationConfig();

        var plan = RemoteLookup.For(config, ConnectorIds.ClientSuccess);

        Assert.Equal(expected, plan.Kind);
        Assert.Equal(expected != LookupKind.None, plan.NeedsLookup);
    }

    [Fact]
    public void For_ClientUpsert_SearchesExternalIdThenName()
    {
        var plan = RemoteLookup.For(new ClientSuccessSync(ClientSuccessObject.Client, SyncMode.Upsert).ToDestinationConfig(), ConnectorIds.ClientSuccess);

        Assert.Equal("/v2/client/search", plan.SearchPath);
        Assert.Equal(["externalId", "name"], plan.Keys);
    }

    [Theory]
    [InlineData("clientsuccess.update-contact", LookupKind.SameUrl)]
    [InlineData("clientsuccess.upsert-contact", LookupKind.NaturalKey)]
    [InlineData("clientsuccess.create-pulse", LookupKind.None)]
    [InlineData("clientsuccess.delete-contact", LookupKind.Unknown)]
    [InlineData("clientsuccess.workato-bulk-upsert-client-notes", LookupKind.Unknown)]
    public void For_Template_MatchesItsSemantics(string templateId, LookupKind expected)
    {
        var template = RepositoryTemplates.Catalog.Find(templateId)!;
        var config = DestinationConfig.FromTemplate(template, template.Parameters.ToDictionary(p => p.Name, p => (string?)"id"));

        Assert.Equal(expected, RemoteLookup.For(config, template.Connector).Kind);
    }

    [Fact]
    public void For_ManualPostToAnotherApi_SaysTheStateCannotBeLookedUp()
    {
        var plan = RemoteLookup.For(new DestinationConfig { Url = "https://api.example.test/v1/people" }, ConnectorIds.Rest);

        Assert.Equal(LookupKind.Unknown, plan.Kind);
        Assert.Contains("cannot be looked up", plan.Note, StringComparison.Ordinal);
    }
}
