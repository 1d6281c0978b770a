using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>The fields each shipped destination template declares for its Mapping section.</summary>
public sealed class DestinationTemplateFieldTests
{
    private static readonly TemplateCatalog Catalog = RepositoryTemplates.Catalog;

    public static TheoryData<string> Destinations() =>
        [.. Catalog.All.Where(t => t.Direction == TemplateDirections.Destination).Select(t => t.Id)];

    [Theory]
    [MemberData(nameof(Destinations))]
    public void Find_EveryDestinationWithABody_DeclaresFieldsRequiredFirst(string id)
    {
        var template = Catalog.Find(id)!;

        if (template.Method == "DELETE")
        {
            Assert.Empty(template.Fields);
            return;
        }

        Assert.NotEmpty(template.Fields);
        Assert.Equal(template.Fields.OrderBy(f => f.Required ? 0 : 1).Select(f => f.Name), template.Fields.Select(f => f.Name));
    }

    [Theory]
    [InlineData("clari.ingest-bulk-entities")]
    [InlineData("clari.upload-entity-data")]
    public void Find_ClariIngest_NeedsIdAsTextAndTimestampsInEpochMillis(string id) =>
        Assert.Equal(
            [("id", FieldTypes.String, true), ("createdAt", FieldTypes.EpochMillis, true), ("updatedAt", FieldTypes.EpochMillis, true), ("name", FieldTypes.String, false)],
            Catalog.Find(id)!.Fields.Select(f => (f.Name, f.Type, f.Required)));

    [Theory]
    [InlineData("clientsuccess.create-client", "name")]
    [InlineData("clientsuccess.create-contact", "clientId")]
    [InlineData("clientsuccess.upsert-contact", "email")]
    [InlineData("clientsuccess.create-contract", "clientId")]
    [InlineData("clientsuccess.create-client-note", "clientId,note")]
    [InlineData("clientsuccess.create-pulse", "clientId")]
    public void Find_ClientSuccessWrite_RequiresWhatTheApiRequires(string id, string required) =>
        Assert.Equal(required.Split(','), Catalog.Find(id)!.Fields.Where(f => f.Required).Select(f => f.Name));
}
