using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Tests.Templates;

public sealed class TemplateCatalogTests
{
    /// <summary>The ClientSuccess source templates as Nexla's ClientSuccess source doc lists them, in its order.</summary>
    public static readonly string[] ClientSuccessSourceNames =
    [
        "Search Pulses", "Create Pulse", "Search Client Notes", "Create Client Note", "Update Client Note", "Patch Client Note",
        "Workato Bulk Upsert Client Notes", "Create Client Note from Transcript", "Create Client", "Bulk Create Clients",
        "Get Client", "Create Contact", "Get Contact", "Update Contact", "Patch Contact", "Search Contacts",
        "Bulk Create Contacts", "Upsert Batch Contacts (Workato)", "Upsert Contact", "Create Contract", "Get Contract",
        "Update Contract", "Search Contracts", "Add Contract Items", "Update Contract Items", "Search Contract Notes",
        "Search Contract Attachments",
    ];

    private static readonly TemplateCatalog Catalog = RepositoryTemplates.Catalog;

    [Fact]
    public void Load_RepositoryTemplates_HasNoProblems()
    {
        Assert.True(Catalog.Problems.Count == 0, string.Join(Environment.NewLine, Catalog.Problems));
        Assert.Equal(6, Catalog.All.Select(t => (t.Connector, t.Direction)).Distinct().Count());
    }

    [Fact]
    public void For_Zoho_HasTheReadAndWriteTemplatesWithBatchesOf100()
    {
        Assert.Equal(["Get Accounts", "Get Contacts", "Search Accounts", "Search Contacts"], Catalog.For("zoho", "source").Select(t => t.Name));
        var destinations = Catalog.For("zoho", "destination").ToList();
        Assert.Equal(
            ["Insert Accounts", "Update Accounts", "Upsert Accounts", "Insert Contacts", "Update Contacts", "Upsert Contacts"],
            destinations.Select(t => t.Name));
        Assert.All(destinations, t => Assert.Equal(100, t.Delivery!.BatchSize));
    }

    [Fact]
    public void For_ClientSuccessSource_HasThe27SeedTemplatesInSeedOrder() =>
        Assert.Equal(ClientSuccessSourceNames, Catalog.For("clientsuccess", "source").Select(t => t.Name));

    [Fact]
    public void For_ClariSource_OffersTheClariReadEndpoints() =>
        Assert.Equal(
            ["Get Ingest Job Status", "Create Forecast Export", "Get Export Job Status", "Get Export Job Results", "List Export Jobs",
                "Create Activity Export", "List Audit Events", "Get Opportunities", "Get Forecast", "Get Picklist Values"],
            Catalog.For("clari", "source").Select(t => t.Name));

    [Fact]
    public void For_ClientSuccessDestination_StartsWithDeleteContactAndCoversEveryWriteEndpoint()
    {
        var names = Catalog.For("clientsuccess", "destination").Select(t => t.Name).ToList();

        Assert.Equal("Delete Contact", names[0]);
        var writes = Catalog.For("clientsuccess", "source").Where(t => t.Method != "GET").Select(t => t.Name)
            .Where(name => name != "Create Client Note from Transcript");
        Assert.All(writes, name => Assert.Contains(name, names));
    }

    [Fact]
    public void Find_DeleteContact_TakesTheContactUuidFromARecordField()
    {
        var template = Catalog.Find("clientsuccess.delete-contact")!;

        Assert.Equal(("DELETE", "/v2/contact/{contactId}"), (template.Method, template.Path));
        var contactId = Assert.Single(template.Parameters);
        Assert.Equal(("contactId", "Contact ID", "path", "field", true), (contactId.Name, contactId.Label, contactId.In, contactId.Type, contactId.Required));
        Assert.Null(template.Delivery!.BatchSize);
        Assert.True(template.Delivery.Idempotent);
    }

    [Fact]
    public void Find_SearchPulses_PagesThroughTheV2Envelope()
    {
        var template = Catalog.Find("clientsuccess.search-pulses")!;

        Assert.Equal(("GET", "/v2/pulse/search", "$.data[*]", "id"), (template.Method, template.Path, template.DataPath, template.Key));
        Assert.Equal(
            new PaginationSpec { Type = "pageSize", PageParam = "page", SizeParam = "size", Size = 100, StartPage = 0, LastPath = "$.last" },
            template.Pagination);
        Assert.Equal(["Client ID", "Note", "Subject"], template.Parameters.Select(p => p.Label));
    }

    [Fact]
    public void All_ClientSuccessSearches_UsePageSizePaginationOf100()
    {
        var searches = Catalog.For("clientsuccess", "source").Where(t => t.Name.StartsWith("Search ", StringComparison.Ordinal)).ToList();

        Assert.Equal(6, searches.Count);
        Assert.All(searches, t => Assert.Equal((PaginationTypes.PageSize, 100, "$.data[*]"), (t.Pagination.Type, t.Pagination.Size ?? 0, t.DataPath)));
    }

    [Fact]
    public void Find_CreatePulse_HasTheSeedFieldsAsBodyParameters()
    {
        var template = Catalog.Find("clientsuccess.create-pulse-source")!;

        Assert.Equal(
            ["Client ID", "Note", "Next Steps", "Subject", "Starting Score", "Current Score", "Total Score Change", "Last Score Change",
                "Tenant ID", "UUID", "Disposition Type", "Disposition ID", "Created By Employee ID", "Created Timestamp", "Product ID",
                "Batch Update Timestamp"],
            template.Parameters.Select(p => p.Label));
        Assert.All(template.Parameters, p => Assert.Equal(ParameterLocations.Body, p.In));
        Assert.True(template.Parameter("clientId")!.Required);
    }

    [Fact]
    public void Find_ListAuditEvents_FollowsNextLink()
    {
        var template = Catalog.Find("clari.list-audit-events")!;

        Assert.Equal((PaginationTypes.NextLink, "$.nextLink"), (template.Pagination.Type, template.Pagination.NextPath));
        Assert.Equal("$.items[*]", template.DataPath);
        Assert.Equal("100", template.Parameter("limit")!.Default);
    }

    [Fact]
    public void All_UpdatesAndDeletes_AreIdempotentDestinations()
    {
        var destinations = Catalog.For("clientsuccess", "destination");

        Assert.All(destinations.Where(t => t.Method is "PUT" or "DELETE" || t.Name.Contains("Upsert", StringComparison.Ordinal)),
            t => Assert.True(t.Delivery!.Idempotent, t.Name));
        Assert.All(destinations.Where(t => t.Name.StartsWith("Create ", StringComparison.Ordinal)), t => Assert.False(t.Delivery!.Idempotent, t.Name));
    }

    [Fact]
    public void Find_WriteEndpointOfferedBothWays_DestinationKeepsThePlainIdAndTheSameCall()
    {
        var sources = Catalog.For("clientsuccess", "source").ToDictionary(t => t.Name);
        var twins = Catalog.For("clientsuccess", "destination").Where(d => sources.ContainsKey(d.Name)).ToList();

        Assert.Equal(17, twins.Count);
        Assert.All(twins, destination =>
        {
            var source = sources[destination.Name];
            Assert.Equal(destination.Id + "-source", source.Id);
            Assert.Equal((destination.Method, destination.Path), (source.Method, source.Path));
        });
    }
}
