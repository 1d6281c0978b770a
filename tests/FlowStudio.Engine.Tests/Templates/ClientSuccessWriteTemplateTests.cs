using FlowStudio.Engine.Tests.Support;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Templates;

/// <summary>
/// The ClientSuccess write endpoints used as sources: each sends a body built from its parameters to the sandbox and
/// reads back what ClientSuccess stored. Every test starts from a freshly seeded tenant.
/// </summary>
[Collection(SandboxCollection.Name)]
public sealed class ClientSuccessWriteTemplateTests(SandboxServer sandbox) : IAsyncLifetime
{
    private readonly TemplateSourceRunner _runner = new(sandbox);

    public Task InitializeAsync() => sandbox.ResetAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task CreatePulse_DispositionLabel_CreatesThePulseAndEchoesIt()
    {
        var pulse = (await _runner.ClientSuccessAsync("Create Pulse",
            ("clientId", "1001"), ("dispositionType", "High Risk"), ("note", "Renewal at risk"), ("nextSteps", "Call the sponsor"))).Single();

        Assert.Equal((1001L, "HIGH_RISK", 5L, "Renewal at risk", "Call the sponsor"),
            ((long)pulse["clientId"]!, (string)pulse["dispositionType"]!, (long)pulse["dispositionId"]!, (string)pulse["note"]!, (string)pulse["nextSteps"]!));
        Assert.Equal(301, await CountAsync("pulses"));
    }

    [Fact]
    public async Task CreateClientNote_JsonProperties_StoresTheNoteWithThem()
    {
        var note = (await _runner.ClientSuccessAsync("Create Client Note",
            ("note", "<p>Kick-off went well</p>"), ("subject", "Kick-off"), ("clientId", "1002"), ("interactionTypeId", "3"),
            ("properties", """{"channel": "zoom"}"""))).Single();

        Assert.Equal((1002L, "Kick-off", 3L, "Kick-off went well"),
            ((long)note["clientId"]!, (string)note["subject"]!, (long)note["interactionTypeId"]!, (string)note["sanitizedNote"]!));
        Assert.Equal("zoom", (string)note["properties"]!["channel"]!);
        Assert.Equal(501, await CountAsync("clientNotes"));
    }

    [Fact]
    public async Task UpdateClientNote_NoSubject_ReplacesTheNoteAndClearsTheSubject()
    {
        var note = (await _runner.ClientSuccessAsync("Update Client Note", ("id", "70001"), ("note", "Replaced"), ("clientId", "1001"))).Single();

        Assert.Equal((70001L, "Replaced", null), ((long)note["id"]!, (string)note["note"]!, (string?)note["subject"]));
    }

    [Fact]
    public async Task PatchClientNote_SubjectOnly_ChangesTheSubjectAndKeepsTheNote()
    {
        var before = await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/clientNote/70002");

        var note = (await _runner.ClientSuccessAsync("Patch Client Note", ("id", "70002"), ("subject", "Patched"))).Single();

        Assert.Equal(("Patched", (string)before["note"]!), ((string)note["subject"]!, (string)note["note"]!));
    }

    [Fact]
    public async Task WorkatoBulkUpsertClientNotes_NewAndExistingNote_ReadsOneOutcomePerNote()
    {
        var notes = """[{"note": "From Workato", "clientId": 1001, "externalSystemId": "wk-1"}, {"id": 70003, "subject": "Upserted"}]""";

        var reading = await _runner.ClientSuccessAsync("Workato Bulk Upsert Client Notes", ("notes", notes), ("loggingLevel", "Debug"));

        Assert.Equal(["created", "updated"], reading.Records.Select(r => (string)r["status"]!));
        Assert.Equal(70003, (long)reading.Records[1]["id"]!);
        Assert.Contains("loggingLevel=DEBUG", reading.Requests[0].Url, StringComparison.Ordinal);
        Assert.Equal("Upserted", (string)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/clientNote/70003"))["subject"]!);
    }

    [Fact]
    public async Task CreateClientNoteFromTranscript_TranscriptAndHeaders_CreatesASectionedNote()
    {
        var note = (await _runner.ClientSuccessAsync("Create Client Note from Transcript",
            ("transcript", "Dana: We reviewed the rollout.\nSam: I will send the plan by Friday."),
            ("clientId", "1004"), ("participants", """["dana@example.com", "sam@example.com"]"""),
            ("customNoteHeaders", """["Summary", "Action Items"]"""))).Single();

        Assert.Equal(1004, (long)note["clientId"]!);
        Assert.StartsWith("Meeting summary: ", (string)note["subject"]!, StringComparison.Ordinal);
        Assert.Contains("<h3>Action Items</h3>", (string)note["note"]!, StringComparison.Ordinal);
        Assert.Contains("I will send the plan by Friday.", (string)note["note"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateClient_StatusLabel_CreatesTheClient()
    {
        var client = (await _runner.ClientSuccessAsync("Create Client", ("name", "Acme Rockets"), ("status", "Trial"), ("siteUrl", "https://acme.example"))).Single();

        Assert.Equal(("Acme Rockets", "TRIAL", true), ((string)client["name"]!, (string)client["status"]!, (bool)client["active"]!));
        Assert.Equal(251, await CountAsync("clients"));
    }

    [Fact]
    public async Task BulkCreateClients_AddArray_CreatesEveryClient()
    {
        var reading = await _runner.ClientSuccessAsync("Bulk Create Clients", ("add", """[{"name": "Bulk One"}, {"name": "Bulk Two"}]"""));

        Assert.Equal(["Bulk One", "Bulk Two"], reading.Records.Select(r => (string)r["name"]!));
        Assert.Equal(252, await CountAsync("clients"));
    }

    [Fact]
    public async Task CreateContact_ClientAndEmail_CreatesTheContact()
    {
        var contact = (await _runner.ClientSuccessAsync("Create Contact",
            ("clientId", "1001"), ("firstName", "Ada"), ("lastName", "Lovelace"), ("email", "ada@example.com"), ("champion", "true"))).Single();

        Assert.Equal((1001L, "ada@example.com", true), ((long)contact["clientId"]!, (string)contact["email"]!, (bool)contact["champion"]!));
        Assert.StartsWith("cnt_", (string)contact["uuid"]!, StringComparison.Ordinal);
        Assert.Equal(1001, await CountAsync("contacts"));
    }

    [Fact]
    public async Task UpdateContact_FirstNameOnly_ReplacesTheContactAndClearsTheRest()
    {
        var contact = (await _runner.ClientSuccessAsync("Update Contact", ("contactId", "20001"), ("clientId", "1001"), ("firstName", "Grace"))).Single();

        Assert.Equal((20001L, "Grace", null), ((long)contact["id"]!, (string)contact["firstName"]!, (string?)contact["lastName"]));
    }

    [Fact]
    public async Task PatchContact_TitleOnly_ChangesTheTitleAndKeepsTheName()
    {
        var before = await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contact/20002");

        var contact = (await _runner.ClientSuccessAsync("Patch Contact", ("contactId", (string)before["uuid"]!), ("title", "VP Customer Success"))).Single();

        Assert.Equal(("VP Customer Success", (string)before["lastName"]!), ((string)contact["title"]!, (string)contact["lastName"]!));
    }

    [Fact]
    public async Task BulkCreateContacts_AddArray_CreatesEveryContact()
    {
        var add = """[{"clientId": 1001, "email": "one@example.com"}, {"clientId": 1002, "email": "two@example.com"}]""";

        var reading = await _runner.ClientSuccessAsync("Bulk Create Contacts", ("add", add));

        Assert.Equal(["one@example.com", "two@example.com"], reading.Records.Select(r => (string)r["email"]!));
        Assert.Equal(1002, await CountAsync("contacts"));
    }

    [Fact]
    public async Task UpsertBatchContactsWorkato_ExistingAndNewEmail_UpdatesOneAndCreatesOne()
    {
        var email = (string)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contact/20003"))["email"]!;
        var contacts = new JArray(new JObject { ["email"] = email, ["title"] = "Director" }, new JObject { ["email"] = "new@example.com", ["clientId"] = 1001 });

        var reading = await _runner.ClientSuccessAsync("Upsert Batch Contacts (Workato)", ("contacts", contacts.ToString()));

        Assert.Equal(["updated", "created"], reading.Records.Select(r => (string)r["status"]!));
        Assert.Equal(20003, (long)reading.Records[0]["id"]!);
        Assert.Equal(1001, await CountAsync("contacts"));
    }

    [Fact]
    public async Task UpsertContact_ExistingEmail_UpdatesThatContact()
    {
        var email = (string)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contact/20004"))["email"]!;

        var contact = (await _runner.ClientSuccessAsync("Upsert Contact", ("email", email), ("title", "Head of Ops"))).Single();

        Assert.Equal((20004L, "Head of Ops"), ((long)contact["id"]!, (string)contact["title"]!));
        Assert.Equal(1000, await CountAsync("contacts"));
    }

    [Fact]
    public async Task CreateContract_WithItems_CreatesTheContractWorthItsItems()
    {
        var items = """[{"productCode": "PLAT", "description": "Platform", "quantity": 2, "pricePer": 500, "total": 1000, "arr": 1000}]""";

        var contract = (await _runner.ClientSuccessAsync("Create Contract",
            ("clientId", "1001"), ("name", "Platform 2025"), ("termStartDate", "2025-01-01"), ("termEndDate", "2025-12-31"), ("items", items))).Single();

        Assert.Equal(("Platform 2025", 1000m), ((string)contract["name"]!, (decimal)contract["total"]!));
        Assert.Single((JArray)contract["items"]!);
        Assert.Equal(121, await CountAsync("contracts"));
    }

    [Fact]
    public async Task UpdateContract_NewName_ReplacesTheContract()
    {
        var contract = (await _runner.ClientSuccessAsync("Update Contract", ("contractId", "5001"), ("clientId", "1001"), ("name", "Renamed"))).Single();

        Assert.Equal((5001L, "Renamed", 1001L), ((long)contract["id"]!, (string)contract["name"]!, (long)contract["tenantClientId"]!));
    }

    [Fact]
    public async Task AddContractItems_OneItem_AddsItToTheContract()
    {
        var before = ((JArray)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contract/5002"))["items"]!).Count;

        var reading = await _runner.ClientSuccessAsync("Add Contract Items",
            ("contractId", "5002"), ("items", """[{"productCode": "ADDON", "description": "Add-on", "quantity": 1, "total": 250}]"""));

        Assert.Equal(before + 1, reading.Records.Count);
        Assert.Equal("ADDON", (string)reading.Records[^1]["productCode"]!);
    }

    [Fact]
    public async Task UpdateContractItems_ItemDescription_ChangesThatItem()
    {
        var itemId = (long)(await _runner.ClientSuccessApiAsync(HttpMethod.Get, "/v2/contract/5004"))["items"]![0]!["id"]!;

        var reading = await _runner.ClientSuccessAsync("Update Contract Items",
            ("contractId", "5004"), ("items", new JArray(new JObject { ["id"] = itemId, ["description"] = "Changed" }).ToString()));

        Assert.Equal("Changed", (string)reading.Records.Single(r => (long)r["id"]! == itemId)["description"]!);
    }

    private async Task<int> CountAsync(string collection) => (int)(await _runner.StateAsync())["clientsuccess"]![collection]!;
}
