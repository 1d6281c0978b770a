using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Features.Syncs;

/// <summary>
/// The sync against the mounted simulators, as the "Done when" lists it: preview, initial import, pulls, pushes,
/// directions and conflicts. Each test starts from a freshly seeded sandbox and deletes its sync at the end, so no
/// active sync outlives its test.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class SyncRunTests(FlowStudioApp app)
{
    /// <summary>One customer account of the seed (number 3): a small sync runs in well under a second.</summary>
    private static readonly SyncCondition[] OneAccount = [new("Account_Name", "equals", "Umbrella Labs 003")];

    [Fact]
    public async Task Preview_CountsExactlyTheSimulatorsMatchingRecords_AndWritesNothing()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client))).GetProperty("id").GetString()!;
        var accounts = await sandbox.ZohoAllAsync("Accounts", "Account_Status,Sync_with_ClientSuccess");
        var matching = accounts.Where(a => a["Account_Status"]?.ToString() == "Customer" || a["Sync_with_ClientSuccess"]?.GetValue<bool>() == true)
            .Select(a => a["id"]!.ToString()).ToHashSet();
        var contacts = await sandbox.ZohoAllAsync("Contacts", "Account_Name");
        var matchingContacts = contacts.Count(c => matching.Contains(c["Account_Name"]!["id"]!.ToString()));
        var before = await Flows.SandboxStateAsync(client);

        var preview = await client.PostJsonAsync($"/api/syncs/{id}/preview", new { }, 200);

        var clients = preview.GetProperty("filters").EnumerateArray().Single(f => f.GetProperty("object").GetString() == "client");
        Assert.Equal((matching.Count, accounts.Count), (clients.GetProperty("matching").GetInt32(), clients.GetProperty("total").GetInt32()));
        Assert.Equal(5, clients.GetProperty("sample").GetArrayLength());
        var dryRun = preview.GetProperty("dryRun");
        Assert.Equal(matching.Count, SyncSetup.Count(dryRun, "client", "clientsuccess", "created"));
        Assert.Equal(accounts.Count - matching.Count, SyncSetup.Count(dryRun, "client", "clientsuccess", "skippedByFilter"));
        Assert.Equal(matchingContacts, SyncSetup.Count(dryRun, "contact", "clientsuccess", "created"));
        Assert.Equal(contacts.Count - matchingContacts, SyncSetup.Count(dryRun, "contact", "clientsuccess", "skipped"));
        Assert.Contains(dryRun.GetProperty("samples").EnumerateArray(), s => s.GetProperty("object").GetString() == "client" && s.GetProperty("action").GetString() == "create");
        Assert.Equal(before.ToString(), (await Flows.SandboxStateAsync(client)).ToString());
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    [Fact]
    public async Task Import_CreatesExactlyTheMatchingClientsAndContactsWithTheirCrmIds()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client))).GetProperty("id").GetString()!;
        var matching = (await sandbox.ZohoAllAsync("Accounts", "Account_Status,Sync_with_ClientSuccess"))
            .Where(a => a["Account_Status"]?.ToString() == "Customer" || a["Sync_with_ClientSuccess"]?.GetValue<bool>() == true)
            .ToDictionary(a => a["id"]!.ToString());
        var matchingContacts = (await sandbox.ZohoAllAsync("Contacts", "Account_Name,Email"))
            .Where(c => matching.ContainsKey(c["Account_Name"]!["id"]!.ToString())).ToDictionary(c => c["id"]!.ToString());
        var before = (await sandbox.ClientSuccessAllAsync("client")).Select(c => c["id"]!.ToString()).ToHashSet();

        var run = await SyncSetup.RunAsync(client, id, "import");

        var created = (await sandbox.ClientSuccessAllAsync("client")).Where(c => !before.Contains(c["id"]!.ToString())).ToList();
        Assert.Equal(matching.Keys.Order(), created.Select(c => c["externalId"]!.ToString()).Order());
        Assert.All(created, c => Assert.Equal(matching[c["externalId"]!.ToString()]["Account_Name"]?.ToString() ?? c["name"]!.ToString(), c["name"]!.ToString()));
        var clientIds = created.ToDictionary(c => c["id"]!.ToString(), c => c["externalId"]!.ToString());
        var contacts = (await sandbox.ClientSuccessAllAsync("contact")).Where(c => clientIds.ContainsKey(c["clientId"]!.ToString())).ToList();
        Assert.Equal(matchingContacts.Keys.Order(), contacts.Select(c => c["externalId"]!.ToString()).Order());
        Assert.All(contacts, c => Assert.Equal(matchingContacts[c["externalId"]!.ToString()]["Account_Name"]!["id"]!.ToString(), clientIds[c["clientId"]!.ToString()]));
        Assert.Equal(matching.Count + matchingContacts.Count, run.GetProperty("recordsSent").GetInt64());
        Assert.Equal(409, (int)(await client.PostAsync($"/api/syncs/{id}/import", null)).StatusCode);
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    [Fact]
    public async Task Run_AfterAnEditInZoho_PullsItAndPushesNothingBack()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, filter: OneAccount))).GetProperty("id").GetString()!;
        await SyncSetup.RunAsync(client, id, "import");
        var accountId = (await sandbox.ClientSuccessAllAsync("client")).Single(c => c["name"]?.ToString() == "Umbrella Labs 003")["externalId"]!.ToString();

        await sandbox.ZohoUpdateAsync("Accounts", accountId, "Website", "https://pulled.example.com");
        var run = await SyncSetup.RunAsync(client, id);

        Assert.Equal("https://pulled.example.com", (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["siteUrl"]?.ToString());
        var report = await SyncSetup.ReportAsync(client, id, run);
        Assert.Equal((1, 0), (SyncSetup.Count(report, "client", "clientsuccess", "updated"), SyncSetup.Count(report, "client", "crm", "updated")));
        var again = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));
        Assert.Equal((0, 0), (SyncSetup.Count(again, "client", "clientsuccess", "updated"), SyncSetup.Count(again, "client", "crm", "updated")));
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    [Fact]
    public async Task Run_ClientTypeMappedToAccountType_TakesTheTypeByItsTitleBothWays()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var request = await SyncSetup.RequestAsync(client, filter: OneAccount);
        request = request with { Clients = request.Clients! with { Fields = [.. request.Clients.Fields!, new SyncFieldRequest("clientType", "Account_Type", null)] } };
        var id = (await SyncSetup.CreatedAsync(client, request)).GetProperty("id").GetString()!;
        try
        {
            var accountId = (await sandbox.ZohoSearchAsync("Accounts", "(Account_Name:equals:Umbrella Labs 003)")).Single()["id"]!.ToString();
            await sandbox.ZohoUpdateAsync("Accounts", accountId, "Account_Type", "Strategic");

            await SyncSetup.RunAsync(client, id, "import");

            var imported = await sandbox.ClientSuccessClientByExternalIdAsync(accountId);
            Assert.Equal(("14", "Strategic", "Strategic"), (imported["clientType"]?["id"]?.ToString(), imported["clientType"]?["title"]?.ToString(), imported["segment"]?.ToString()));

            await sandbox.ClientSuccessPatchAsync("client", imported["id"]!.ToString(), "clientType", "SMB");
            var report = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));

            Assert.Equal("SMB", (await sandbox.ZohoGetAsync("Accounts", accountId))["Account_Type"]?.ToString());
            Assert.Equal((0, 1), (SyncSetup.Count(report, "client", "clientsuccess", "updated"), SyncSetup.Count(report, "client", "crm", "updated")));
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Active_AnEditInZoho_IsPulledWhenThePullScheduleComesDue()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, filter: OneAccount))).GetProperty("id").GetString()!;
        try
        {
            await SyncSetup.RunAsync(client, id, "import");
            var accountId = (await sandbox.ClientSuccessAllAsync("client")).Single(c => c["name"]?.ToString() == "Umbrella Labs 003")["externalId"]!.ToString();
            await client.PostJsonAsync($"/api/syncs/{id}/activate", new { }, 200);
            await sandbox.ZohoUpdateAsync("Accounts", accountId, "Website", "https://scheduled.example.com");

            // The schedule's next minute, without waiting for it.
            var due = DateTime.UtcNow;
            await NextPullAtAsync(id, due);

            await SyncSandbox.EventuallyAsync(
                async () => (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["siteUrl"]?.ToString() == "https://scheduled.example.com", "the scheduled pull");
            var sync = JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{id}")).RootElement;
            Assert.True(DateTime.SpecifyKind(sync.GetProperty("nextPullAt").GetDateTime(), DateTimeKind.Utc) > due, "the next pull was not scheduled after the one that ran");
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Active_ObjectLevelPollSchedules_PullOnlyTheObjectWhoseScheduleCameDue()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var request = await SyncSetup.RequestAsync(client, filter: OneAccount);
        request = request with
        {
            PullSchedule = "0 3 * * *",
            Clients = request.Clients! with { PullSchedule = "0 3 * * *" },
            Contacts = request.Contacts! with { PullSchedule = "*/5 * * * *" },
        };
        var id = (await SyncSetup.CreatedAsync(client, request)).GetProperty("id").GetString()!;
        try
        {
            await SyncSetup.RunAsync(client, id, "import");
            var accountId = (await sandbox.ClientSuccessAllAsync("client")).Single(c => c["name"]?.ToString() == "Umbrella Labs 003")["externalId"]!.ToString();
            var contactId = (await sandbox.ZohoAllAsync("Contacts", "Account_Name")).First(c => c["Account_Name"]?["id"]?.ToString() == accountId)["id"]!.ToString();
            await client.PostJsonAsync($"/api/syncs/{id}/activate", new { }, 200);
            var activated = JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{id}")).RootElement;
            Assert.True(DateTime.SpecifyKind(activated.GetProperty("nextPullAt").GetDateTime(), DateTimeKind.Utc) <= DateTime.UtcNow.AddMinutes(5), "the next pull is not the contacts' (every 5 minutes)");
            Assert.Equal("*/5 * * * *", activated.GetProperty("contacts").GetProperty("pullSchedule").GetString());
            await sandbox.ZohoUpdateAsync("Accounts", accountId, "Website", "https://not-yet.example.com");
            await sandbox.ZohoUpdateAsync("Contacts", contactId, "First_Name", "Scheduled");

            // The contacts' last five-minute mark, as the sync's next pull (not 03:00, when the clients' would fall too).
            var now = DateTime.UtcNow;
            var due = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute / 5 * 5, 0, DateTimeKind.Utc);
            due = due.Hour == 3 && due.Minute == 0 ? due.AddMinutes(-5) : due;
            await NextPullAtAsync(id, due);

            await SyncSandbox.EventuallyAsync(
                async () => (await sandbox.ClientSuccessAllAsync("contact")).Any(c => c["externalId"]?.ToString() == contactId && c["firstName"]?.ToString() == "Scheduled"),
                "the contacts' scheduled pull");
            await client.PostJsonAsync($"/api/syncs/{id}/pause", new { }, 200);
            Assert.NotEqual("https://not-yet.example.com", (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["siteUrl"]?.ToString());
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Active_AnEditInClientSuccess_IsPushedWithinTheIntervalAndNotEchoedBack()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, filter: OneAccount))).GetProperty("id").GetString()!;
        try
        {
            await SyncSetup.RunAsync(client, id, "import");
            var csClient = (await sandbox.ClientSuccessAllAsync("client")).Single(c => c["name"]?.ToString() == "Umbrella Labs 003");
            await client.PostJsonAsync($"/api/syncs/{id}/activate", new { }, 200);

            await sandbox.ClientSuccessPatchAsync("client", csClient["id"]!.ToString(), "siteUrl", "https://pushed.example.com");

            var accountId = csClient["externalId"]!.ToString();
            await SyncSandbox.EventuallyAsync(
                async () => (await sandbox.ZohoGetAsync("Accounts", accountId))["Website"]?.ToString() == "https://pushed.example.com", "the push to Zoho");
            await client.PostJsonAsync($"/api/syncs/{id}/pause", new { }, 200);
            var modified = (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["modifiedTime"]!.ToString();
            var report = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));
            Assert.Equal((0, 0), (SyncSetup.Count(report, "client", "clientsuccess", "updated"), SyncSetup.Count(report, "client", "crm", "updated")));
            Assert.Equal(modified, (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["modifiedTime"]!.ToString());
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Active_AContactCreatedInClientSuccess_IsCreatedInZohoUnderItsAccountWithItsCrmIdWrittenBack()
    {
        using var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        using var sandbox = await SyncSandbox.OpenAsync(app);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, filter: OneAccount))).GetProperty("id").GetString()!;
        try
        {
            await SyncSetup.RunAsync(client, id, "import");
            var csClient = (await sandbox.ClientSuccessAllAsync("client")).Single(c => c["name"]?.ToString() == "Umbrella Labs 003");
            await client.PostJsonAsync($"/api/syncs/{id}/activate", new { }, 200);

            var contact = await sandbox.ClientSuccessCreateAsync("contact", new
            {
                clientId = csClient["id"]!.GetValue<long>(), firstName = "Nina", lastName = "Okafor", email = "nina.okafor@example.com",
            });

            List<JsonObject> found = [];
            await SyncSandbox.EventuallyAsync(async () => (found = await sandbox.ZohoSearchAsync("Contacts", "(Email:equals:nina.okafor@example.com)")).Count > 0, "the contact in Zoho");
            var zohoContact = Assert.Single(found);
            Assert.Equal(("Okafor", csClient["externalId"]!.ToString()), (zohoContact["Last_Name"]!.ToString(), zohoContact["Account_Name"]!["id"]!.ToString()));
            await SyncSandbox.EventuallyAsync(
                async () => (await sandbox.ClientSuccessGetAsync("contact", contact["id"]!.ToString()))["externalId"]?.ToString() == zohoContact["id"]!.ToString(),
                "the CRM id written back");
        }
        finally
        {
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Run_AFieldSetToPull_IsNeverPushed()
    {
        var (client, sandbox, id, csClient) = await ImportedAsync(null, "pull");
        using (client)
        using (sandbox)
        {
            await sandbox.ClientSuccessPatchAsync("client", csClient["id"]!.ToString(), "siteUrl", "https://cs-only.example.com");

            var report = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));

            Assert.Equal("https://www.umbrella-labs-003.example.com", (await sandbox.ZohoGetAsync("Accounts", csClient["externalId"]!.ToString()))["Website"]?.ToString());
            Assert.Equal(0, SyncSetup.Count(report, "client", "crm", "updated"));
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Run_ObjectSetToPull_SupersedesAFieldSetToPush()
    {
        var (client, sandbox, id, csClient) = await ImportedAsync("pull", "push");
        using (client)
        using (sandbox)
        {
            var accountId = csClient["externalId"]!.ToString();
            await sandbox.ClientSuccessPatchAsync("client", csClient["id"]!.ToString(), "siteUrl", "https://cs-only.example.com");

            await SyncSetup.RunAsync(client, id);

            Assert.Equal("https://www.umbrella-labs-003.example.com", (await sandbox.ZohoGetAsync("Accounts", accountId))["Website"]?.ToString());
            await sandbox.ZohoUpdateAsync("Accounts", accountId, "Website", "https://crm-wins.example.com");
            await SyncSetup.RunAsync(client, id);
            Assert.Equal("https://crm-wins.example.com", (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["siteUrl"]?.ToString());
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Run_BothSidesChangedAField_TheNewerChangeWinsAndTheConflictIsReported()
    {
        var (client, sandbox, id, csClient) = await ImportedAsync(null, null);
        using (client)
        using (sandbox)
        {
            var accountId = csClient["externalId"]!.ToString();
            await sandbox.ClientSuccessPatchAsync("client", csClient["id"]!.ToString(), "siteUrl", "https://older.example.com");
            await Task.Delay(TimeSpan.FromSeconds(1.5)); // Zoho's modified times have whole seconds.
            await sandbox.ZohoUpdateAsync("Accounts", accountId, "Website", "https://newer.example.com");

            var report = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));

            Assert.Equal("https://newer.example.com", (await sandbox.ClientSuccessClientByExternalIdAsync(accountId))["siteUrl"]?.ToString());
            Assert.Equal("https://newer.example.com", (await sandbox.ZohoGetAsync("Accounts", accountId))["Website"]?.ToString());
            var conflict = Assert.Single(report.GetProperty("conflicts").EnumerateArray());
            Assert.Equal(("siteUrl", "https://older.example.com", "https://newer.example.com", "crm"), (
                conflict.GetProperty("clientSuccessField").GetString(), conflict.GetProperty("clientSuccessValue").GetString(),
                conflict.GetProperty("crmValue").GetString(), conflict.GetProperty("winner").GetString()));
            Assert.Equal(1, SyncSetup.Count(report, "client", "clientsuccess", "conflicts"));
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Run_WithoutPropagateDeletes_LeavesTheOtherSideAlone()
    {
        var (client, sandbox, id, csClient) = await ImportedAsync(null, null);
        using (client)
        using (sandbox)
        {
            var contacts = await ContactsOfAsync(sandbox, csClient);
            await sandbox.ZohoDeleteAsync("Contacts", contacts[0]["externalId"]!.ToString());
            await sandbox.ClientSuccessDeleteAsync("contact", contacts[1]["id"]!.ToString());

            var report = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));

            Assert.True(await sandbox.ClientSuccessExistsAsync("contact", contacts[0]["id"]!.ToString()));
            Assert.True(await sandbox.ZohoExistsAsync("Contacts", contacts[1]["externalId"]!.ToString()));
            Assert.Equal((0, 0), (SyncSetup.Count(report, "contact", "clientsuccess", "deleted"), SyncSetup.Count(report, "contact", "crm", "deleted")));
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Run_WithPropagateDeletes_DeletesOnTheOtherSide()
    {
        var (client, sandbox, id, csClient) = await ImportedAsync(null, null, propagateDeletes: true);
        using (client)
        using (sandbox)
        {
            var contacts = await ContactsOfAsync(sandbox, csClient);
            await sandbox.ZohoDeleteAsync("Contacts", contacts[0]["externalId"]!.ToString());
            await sandbox.ClientSuccessDeleteAsync("contact", contacts[1]["id"]!.ToString());

            var report = await SyncSetup.ReportAsync(client, id, await SyncSetup.RunAsync(client, id));

            Assert.False(await sandbox.ClientSuccessExistsAsync("contact", contacts[0]["id"]!.ToString()));
            Assert.False(await sandbox.ZohoExistsAsync("Contacts", contacts[1]["externalId"]!.ToString()));
            Assert.Equal((1, 1), (SyncSetup.Count(report, "contact", "clientsuccess", "deleted"), SyncSetup.Count(report, "contact", "crm", "deleted")));
            await client.DeleteAsync($"/api/syncs/{id}");
        }
    }

    [Fact]
    public async Task Run_BeforeTheInitialImport_IsRefused()
    {
        using var client = app.CreateClient();
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, filter: OneAccount))).GetProperty("id").GetString()!;

        var response = await client.PostAsync($"/api/syncs/{id}/run", null);

        Assert.Equal(409, (int)response.StatusCode);
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    private static async Task<List<JsonObject>> ContactsOfAsync(SyncSandbox sandbox, JsonObject csClient)
    {
        var contacts = (await sandbox.ClientSuccessAllAsync("contact")).Where(c => c["clientId"]?.ToString() == csClient["id"]!.ToString()).ToList();
        Assert.Equal(2, contacts.Count);
        return contacts;
    }

    /// <summary>A paused sync of one account, imported, with the clients' direction and the siteUrl ↔ Website field's as given.</summary>
    private async Task<(HttpClient Client, SyncSandbox Sandbox, string Id, JsonObject CsClient)> ImportedAsync(
        string? clientsDirection, string? websiteDirection, bool propagateDeletes = false)
    {
        var client = app.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var sandbox = await SyncSandbox.OpenAsync(app);
        var request = await SyncSetup.RequestAsync(client, clientsDirection, filter: OneAccount);
        request = request with
        {
            Clients = request.Clients! with { Fields = [.. request.Clients.Fields!.Select(f => f!.ClientSuccessField == "siteUrl" ? f with { Direction = websiteDirection } : f)] },
            PropagateDeletes = propagateDeletes,
        };
        var id = (await SyncSetup.CreatedAsync(client, request)).GetProperty("id").GetString()!;
        await SyncSetup.RunAsync(client, id, "import");
        var csClient = (await sandbox.ClientSuccessAllAsync("client")).Single(c => c["name"]?.ToString() == "Umbrella Labs 003");
        return (client, sandbox, id, csClient);
    }

    // The sync's next pull, as the scheduler reads it: set to a time already come, so the next tick starts it.
    private async Task NextPullAtAsync(string id, DateTime due)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        await db.Syncs.Where(s => s.Id == id).ExecuteUpdateAsync(u => u.SetProperty(s => s.NextPullAt, due));
    }
}
