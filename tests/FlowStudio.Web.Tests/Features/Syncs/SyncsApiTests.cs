using System.Net.Http.Json;
using System.Text.Json;
using FlowStudio.Web.Tests.Support;

namespace FlowStudio.Web.Tests.Features.Syncs;

/// <summary>Creating, reading, changing and deleting syncs through <c>/api/syncs</c>, and the bad input it refuses.</summary>
[Collection(AppCollection.Name)]
public sealed class SyncsApiTests(FlowStudioApp app)
{
    [Fact]
    public async Task Fields_ProposeTheCrmIdMappingAndKnownEquivalents()
    {
        using var client = app.CreateClient();

        var fields = JsonDocument.Parse(await client.GetStringAsync("/api/syncs/fields")).RootElement;

        var clients = Pairs(fields.GetProperty("clients").GetProperty("proposed"));
        Assert.Contains("externalId=id:pull", clients);
        Assert.Contains("name=Account_Name:", clients);
        Assert.Contains("siteUrl=Website:", clients);
        var contacts = Pairs(fields.GetProperty("contacts").GetProperty("proposed"));
        Assert.Contains("externalId=id:pull", contacts);
        Assert.Contains("clientId=Account_Name:", contacts);
        Assert.Contains("firstName=First_Name:", contacts);
        Assert.Contains("email=Email:", contacts);
        var accountName = fields.GetProperty("clients").GetProperty("crm").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "Account_Name");
        Assert.True(accountName.GetProperty("required").GetBoolean());
    }

    [Fact]
    public async Task Create_TheSeedsSync_IsSavedPausedAndReadsBack()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client, clientsDirection: "PUSH AND PULL");

        var created = await SyncSetup.CreatedAsync(client, request);

        var id = created.GetProperty("id").GetString()!;
        var read = JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{id}")).RootElement;
        Assert.Equal("paused", read.GetProperty("status").GetString());
        Assert.Equal("push-and-pull", read.GetProperty("clients").GetProperty("direction").GetString());
        Assert.Equal(["Account_Status", "Sync_with_ClientSuccess"],
            read.GetProperty("clients").GetProperty("importFilter").EnumerateArray().Select(c => c.GetProperty("field").GetString()));
        Assert.Equal("*/5 * * * *", read.GetProperty("pullSchedule").GetString());
        Assert.Equal(1, read.GetProperty("pushIntervalSeconds").GetInt32());
        var list = JsonDocument.Parse(await client.GetStringAsync("/api/syncs")).RootElement;
        Assert.Contains(list.EnumerateArray(), s => s.GetProperty("id").GetString() == id);
    }

    [Fact]
    public async Task Update_ThenDelete_ChangesAndThenRemovesTheSync()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client);
        var id = (await SyncSetup.CreatedAsync(client, request)).GetProperty("id").GetString()!;

        var updated = await client.PutAsJsonAsync($"/api/syncs/{id}", request with { Name = request.Name + " renamed", PropagateDeletes = true });

        Assert.Equal(200, (int)updated.StatusCode);
        var read = JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{id}")).RootElement;
        Assert.Equal(request.Name + " renamed", read.GetProperty("name").GetString());
        Assert.True(read.GetProperty("propagateDeletes").GetBoolean());
        Assert.Equal(204, (int)(await client.DeleteAsync($"/api/syncs/{id}")).StatusCode);
        Assert.Equal(404, (int)(await client.GetAsync($"/api/syncs/{id}")).StatusCode);
    }

    [Fact]
    public async Task Create_ObjectPullWithAFieldSetToPush_KeepsTheFieldShownAsSuperseded()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client, clientsDirection: "pull");
        request = request with { Clients = request.Clients! with { Fields = [.. request.Clients.Fields!.Select(f => f!.ClientSuccessField == "siteUrl" ? f with { Direction = "push" } : f)] } };

        var created = await SyncSetup.CreatedAsync(client, request);

        var site = created.GetProperty("clients").GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("clientSuccessField").GetString() == "siteUrl");
        Assert.Equal(("push", "pull", true), (site.GetProperty("direction").GetString(), site.GetProperty("effectiveDirection").GetString(), site.GetProperty("superseded").GetBoolean()));
    }

    [Fact]
    public async Task Create_ObjectPollSchedules_AreKept_AndABadOneIsRefusedNamingItsObject()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client);

        var created = await SyncSetup.CreatedAsync(client, request with { Clients = request.Clients! with { PullSchedule = "0 */6 * * *" } });
        var bad = await SyncSetup.CreateAsync(client, request with { Name = request.Name + " bad", Contacts = request.Contacts! with { PullSchedule = "61 * * * *" } });

        Assert.Equal("0 */6 * * *", created.GetProperty("clients").GetProperty("pullSchedule").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("contacts").GetProperty("pullSchedule").ValueKind);
        Assert.Equal(400, (int)bad.StatusCode);
        Assert.Contains("contacts.pullSchedule", await SyncSetup.ProblemFieldsAsync(bad));
        await client.DeleteAsync($"/api/syncs/{created.GetProperty("id").GetString()}");
    }

    [Fact]
    public async Task Create_BadInput_IsRefusedNamingEachField()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client);
        var clientFields = request.Clients!.Fields!.Where(f => f!.ClientSuccessField != "name").ToList();
        clientFields.Add(new SyncFieldRequest("nickname", "Account_Type", null));
        clientFields.Add(new SyncFieldRequest("city", "Billing_City", null));
        clientFields.Add(new SyncFieldRequest("note", "Industry", "sideways"));
        var bad = request with
        {
            Clients = request.Clients with { Fields = clientFields, ImportFilter = [new("Account_Stage", "equals", "Customer")] },
            Contacts = request.Contacts! with { Fields = [.. request.Contacts.Fields!.Where(f => f!.ClientSuccessField != "clientId")] },
            PullSchedule = "every now and then",
            PushIntervalSeconds = 0,
        };

        var fields = await SyncSetup.ProblemFieldsAsync(await SyncSetup.CreateAsync(client, bad));

        var n = clientFields.Count;
        Assert.Equal(
            new[]
            {
                "clients.importFilter[0].field", $"clients.fields[{n - 3}].clientSuccessField", $"clients.fields[{n - 2}].crmField",
                $"clients.fields[{n - 1}].direction", "contacts.fields", "pullSchedule", "pushIntervalSeconds",
            }.Order(),
            fields.Order());
    }

    [Fact]
    public async Task Create_WithoutClientName_NamesTheRequiredField()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client);
        var bad = request with { Clients = request.Clients! with { Fields = [.. request.Clients.Fields!.Where(f => f!.ClientSuccessField != "name")] } };

        var response = await SyncSetup.CreateAsync(client, bad);

        Assert.Equal(["clients.fields"], await SyncSetup.ProblemFieldsAsync(response));
    }

    [Fact]
    public async Task Create_ContactClientMappedToATextField_NamesTheField()
    {
        using var client = app.CreateClient();
        var request = await SyncSetup.RequestAsync(client);
        var fields = request.Contacts!.Fields!.Select(f => f!.ClientSuccessField == "clientId" ? f with { CrmField = "Title" } : f!.CrmField == "Title" ? null : f)
            .Where(f => f is not null).ToList();
        var at = fields.FindIndex(f => f!.ClientSuccessField == "clientId");

        var response = await SyncSetup.CreateAsync(client, request with { Contacts = request.Contacts with { Fields = fields } });

        Assert.Equal([$"contacts.fields[{at}].crmField"], await SyncSetup.ProblemFieldsAsync(response));
    }

    private static List<string> Pairs(JsonElement proposed) =>
        proposed.EnumerateArray().Select(f => $"{f.GetProperty("clientSuccessField").GetString()}={f.GetProperty("crmField").GetString()}:{f.GetProperty("direction").GetString()}").ToList();
}
