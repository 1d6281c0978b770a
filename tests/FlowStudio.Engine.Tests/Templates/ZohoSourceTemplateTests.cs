using FlowStudio.Engine.Tests.Support;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>The Zoho CRM source templates read the sandbox org over real HTTP, page by page until info.more_records is false.</summary>
[Collection(SandboxCollection.Name)]
public sealed class ZohoSourceTemplateTests(SandboxServer sandbox) : IAsyncLifetime
{
    private readonly TemplateSourceRunner _runner = new(sandbox);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task GetAccounts_SeededOrg_ReadsAll300AccountsInTwoPages()
    {
        var reading = await _runner.ZohoAsync("Get Accounts");

        Assert.Equal(300, reading.Records.Select(r => (string)r["id"]!).Distinct().Count());
        Assert.Equal([200, 200], reading.Requests.Where(r => r.Url.Contains("/crm/v7/Accounts", StringComparison.Ordinal)).Select(r => r.Status));
        Assert.All(reading.Records, r => Assert.False(string.IsNullOrEmpty((string?)r["Account_Name"])));
    }

    [Fact]
    public async Task GetContacts_SeededOrg_ReadsAll600ContactsWithTheirAccount()
    {
        var reading = await _runner.ZohoAsync("Get Contacts");

        Assert.Equal(600, reading.Records.Count);
        Assert.Equal(3, reading.Requests.Count(r => r.Url.Contains("/crm/v7/Contacts", StringComparison.Ordinal)));
        Assert.All(reading.Records, r => Assert.StartsWith("57257670000001", (string)r["Account_Name"]!["id"]!, StringComparison.Ordinal));
    }

    [Fact]
    public async Task SearchAccounts_ImportFilterCriteria_ReadsTheCustomersAndSyncedAccounts()
    {
        var reading = await _runner.ZohoAsync("Search Accounts", ("criteria", "((Account_Status:equals:Customer)or(Sync_with_ClientSuccess:equals:true))"));

        Assert.Equal(140, reading.Records.Count);
        Assert.All(reading.Records, r => Assert.True((string)r["Account_Status"]! == "Customer" || (bool)r["Sync_with_ClientSuccess"]!));
    }

    [Fact]
    public async Task SearchContacts_EmailStartsWith_ReadsOnlyTheMatches()
    {
        var reading = await _runner.ZohoAsync("Search Contacts", ("criteria", "(Email:starts_with:ava.)"));

        Assert.NotEmpty(reading.Records);
        Assert.All(reading.Records, r => Assert.StartsWith("ava.", (string)r["Email"]!, StringComparison.Ordinal));
    }
}
