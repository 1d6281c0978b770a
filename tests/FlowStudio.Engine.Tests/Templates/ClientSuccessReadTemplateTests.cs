using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>The ClientSuccess search and get templates read the seeded sandbox tenant over real HTTP.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ClientSuccessReadTemplateTests(SandboxServer sandbox) : IAsyncLifetime
{
    private readonly TemplateSourceRunner _runner = new(sandbox);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task SearchPulses_NoFilters_Reads300PulsesFrom3Requests()
    {
        var reading = await _runner.ClientSuccessAsync("Search Pulses");

        Assert.Equal(300, reading.Records.Select(r => (long)r["id"]!).Distinct().Count());
        Assert.Equal(["page=0&size=100", "page=1&size=100", "page=2&size=100"], reading.Requests.Select(r => r.Url.Split('?')[1]));
        Assert.All(reading.Records, r => Assert.Equal(300, (int)r["_metadata"]!));
    }

    [Fact]
    public async Task SearchPulses_ClientIdFilter_ReadsOnlyThatClientsPulses()
    {
        var reading = await _runner.ClientSuccessAsync("Search Pulses", ("clientId", "1001"));

        Assert.NotEmpty(reading.Records);
        Assert.All(reading.Records, r => Assert.Equal(1001, (long)r["clientId"]!));
        Assert.Contains("clientId=1001", reading.Requests[0].Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SearchClientNotes_NoParameters_Reads500NotesFrom5Requests()
    {
        var reading = await _runner.ClientSuccessAsync("Search Client Notes");

        Assert.Equal(500, reading.Records.Select(r => (long)r["id"]!).Distinct().Count());
        Assert.Equal(5, reading.Requests.Count);
    }

    [Fact]
    public async Task GetClient_ClientId_ReadsThatClient()
    {
        var client = (await _runner.ClientSuccessAsync("Get Client", ("clientId", "1005"))).Single();

        Assert.Equal(1005, (long)client["id"]!);
        Assert.False(string.IsNullOrEmpty((string?)client["name"]));
    }

    [Fact]
    public async Task GetContact_ContactUuid_ReadsThatContact()
    {
        var uuid = (string)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contact/20007"))["uuid"]!;

        var contact = (await _runner.ClientSuccessAsync("Get Contact", ("contactId", uuid))).Single();

        Assert.Equal((20007L, uuid), ((long)contact["id"]!, (string)contact["uuid"]!));
    }

    [Fact]
    public async Task SearchContacts_NoFilters_Reads1000ContactsFrom10Requests()
    {
        var reading = await _runner.ClientSuccessAsync("Search Contacts");

        Assert.Equal(1000, reading.Records.Select(r => (long)r["id"]!).Distinct().Count());
        Assert.Equal(10, reading.Requests.Count);
    }

    [Fact]
    public async Task SearchContacts_EmailFilter_ReadsTheOneContact()
    {
        var email = (string)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contact/20010"))["email"]!;

        var contact = (await _runner.ClientSuccessAsync("Search Contacts", ("email", email))).Single();

        Assert.Equal(20010, (long)contact["id"]!);
    }

    [Fact]
    public async Task GetContract_ContractId_ReadsThatContractWithItsItems()
    {
        var contract = (await _runner.ClientSuccessAsync("Get Contract", ("contractId", "5003"))).Single();

        Assert.Equal(5003, (long)contract["id"]!);
        Assert.NotEmpty((JArray)contract["items"]!);
    }

    [Fact]
    public async Task SearchContracts_NoParameters_Reads120ContractsFrom2Requests()
    {
        var reading = await _runner.ClientSuccessAsync("Search Contracts");

        Assert.Equal(120, reading.Records.Select(r => (long)r["id"]!).Distinct().Count());
        Assert.Equal(2, reading.Requests.Count);
    }

    [Fact]
    public async Task SearchContractNotes_ContractWithNotes_ReadsExactlyItsNotes()
    {
        var (contractId, expected) = await FirstContractWithAsync("notes");

        var reading = await _runner.ClientSuccessAsync("Search Contract Notes", ("contractId", contractId.ToString()));

        Assert.Equal(expected.Order(), reading.Records.Select(r => (long)r["id"]!).Order());
        Assert.All(reading.Records, r => Assert.Equal(contractId, (long)r["contractId"]!));
    }

    [Fact]
    public async Task SearchContractAttachments_ContractWithAttachments_ReadsExactlyItsAttachments()
    {
        var (contractId, expected) = await FirstContractWithAsync("attachments");

        var reading = await _runner.ClientSuccessAsync("Search Contract Attachments", ("contractId", contractId.ToString()));

        Assert.Equal(expected.Order(), reading.Records.Select(r => (long)r["id"]!).Order());
        Assert.All(reading.Records, r => Assert.False(string.IsNullOrEmpty((string?)r["fileName"])));
    }

    /// <summary>The first seeded contract that has notes or attachments, with their ids as the API lists them.</summary>
    private async Task<(long ContractId, List<long> Ids)> FirstContractWithAsync(string what)
    {
        for (var contractId = 5001L; contractId < 5021; contractId++)
        {
            var page = await _runner.ClientSuccessApiAsync(HttpMethod.Get, $"/v2/contract/{contractId}/{what}/search?size=200");
            var ids = page["data"]!.Select(r => (long)r["id"]!).ToList();
            if (ids.Count > 0)
            {
                return (contractId, ids);
            }
        }

        throw new InvalidOperationException($"None of the first 20 seeded contracts has {what}.");
    }
}
