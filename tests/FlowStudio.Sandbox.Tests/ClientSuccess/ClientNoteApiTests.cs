using System.Net;
using System.Net.Http.Json;

namespace FlowStudio.Sandbox.Tests.ClientSuccess;

[Collection(SandboxCollection.Name)]
public sealed class ClientNoteApiTests(SandboxServer sandbox)
{
    [Fact]
    public async Task Create_Note_IsSanitizedAndFoundByClientSearch()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client, 5);

        var note = await client.PostJsonAsync("v2/clientNote", new { clientId, subject = "Kickoff", note = "<p>Met the <b>team</b> &amp; sponsor</p>", interactionTypeId = 3 });
        var search = await client.GetJsonAsync($"v2/clientNote/search?clientId={clientId}");

        Assert.Equal("Met the team & sponsor", note.Text("sanitizedNote"));
        Assert.Equal(note.Id(), search["data"]![0]!.Id());
        Assert.All(search["data"]!.AsArray(), item => Assert.Equal(clientId, item!["clientId"]!.GetValue<long>()));
    }

    [Fact]
    public async Task Create_WithoutNoteOrClient_Returns422()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsJsonAsync("v2/clientNote", new { subject = "Empty" });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var fields = (await response.JsonAsync())["errors"]!.AsArray().Select(error => error!.Text("field")).ToList();
        Assert.Contains("note", fields);
        Assert.Contains("clientId", fields);
    }

    [Fact]
    public async Task PutPatchDelete_Note_BehaveAsReplaceUpdateRemove()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var note = await client.PostJsonAsync("v2/clientNote", new { clientId, subject = "Original", note = "Body", author = "Dana" });

        using var patch = await client.PatchAsJsonAsync($"v2/clientNote/{note.Id()}", new { subject = "Patched" });
        var patched = await patch.JsonAsync();
        using var put = await client.PutAsJsonAsync($"v2/clientNote/{note.Id()}", new { clientId, note = "Replaced body" });
        var replaced = await put.JsonAsync();
        using var delete = await client.DeleteAsync($"v2/clientNote/{note.Id()}");
        using var gone = await client.GetAsync($"v2/clientNote/{note.Id()}");

        Assert.Equal("Patched", patched.Text("subject"));
        Assert.Equal("Dana", patched.Text("author"));
        Assert.Null(replaced["subject"]);
        Assert.Null(replaced["author"]);
        Assert.Equal("Replaced body", replaced.Text("note"));
        Assert.Equal(note.Text("createdTime"), replaced.Text("createdTime"));
        Assert.Equal(HttpStatusCode.NoContent, delete.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [Fact]
    public async Task BulkUpsert_ByIdAndExternalSystemId_UpdatesAndCreates()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var existing = await client.PostJsonAsync("v2/clientNote", new { clientId, note = "Existing" });
        var externalSystemId = $"00T{Guid.NewGuid():N}";

        var first = await client.PostJsonAsync("v2/workato/clientNote/bulkUpsert?loggingLevel=DEBUG", new object[]
        {
            new { id = existing.Id(), note = "Updated by id" },
            new { clientId, note = "From Salesforce", externalSystem = "SALESFORCE", externalSystemId },
            new { id = 1, note = "No such note" },
        }, 200);
        var second = await client.PostJsonAsync("v2/workato/clientNote/bulkUpsert", new[] { new { externalSystemId, note = "Salesforce edit" } }, 200);

        Assert.Equal(new[] { "updated", "created", "failed" }, first["results"]!.AsArray().Select(result => result!.Text("status")));
        Assert.Equal(3, first["logs"]!.AsArray().Count);
        Assert.Equal("Updated by id", (await client.GetJsonAsync($"v2/clientNote/{existing.Id()}")).Text("note"));
        Assert.Equal("updated", second["results"]![0]!.Text("status"));
        Assert.Equal(first["results"]![1]!.Id(), second["results"]![0]!.Id());
    }

    [Fact]
    public async Task BulkUpsert_UnknownLoggingLevel_Returns400()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);

        using var response = await client.PostAsJsonAsync("v2/workato/clientNote/bulkUpsert?loggingLevel=LOUD", new[] { new { note = "x" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Transcript_SameInputTwice_GivesTheSameMeetingNote()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);
        var request = new
        {
            clientId,
            hostEmail = "dana.whitfield@flowstudio.local",
            participants = new[] { "Dana Whitfield", "Jada Abbott" },
            transcript = "Dana: Thanks for joining. We reviewed adoption.\nJada: We will send the budget by Friday. Pricing looks fine.",
            customNoteHeaders = new[] { "Overview", "Attendees", "Next Steps", "Pricing" },
            additionalPrompt = "Focus on renewal",
        };

        var first = await client.PostJsonAsync("v2/workato/clientNote/transcript", request);
        var second = await client.PostJsonAsync("v2/workato/clientNote/transcript", request);

        var html = first.Text("note");
        Assert.Equal(html, second.Text("note"));
        Assert.Contains("<h3>Overview</h3><p>Thanks for joining. We reviewed adoption.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<li>Jada Abbott</li>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Next Steps</h3><p>We will send the budget by Friday.</p>", html, StringComparison.Ordinal);
        Assert.Contains("<h3>Pricing</h3><p>Pricing looks fine.</p>", html, StringComparison.Ordinal);
        Assert.Equal(3, first["interactionTypeId"]!.GetValue<int>());
        Assert.Equal("Focus on renewal", first["properties"]!.Text("additionalPrompt"));
    }

    [Fact]
    public async Task Transcript_Missing_Returns422()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var clientId = await ClientSuccessHttp.AnyClientIdAsync(client);

        using var response = await client.PostAsJsonAsync("v2/workato/clientNote/transcript", new { clientId });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("transcript", (await response.JsonAsync())["errors"]![0]!.Text("field"));
    }

    [Fact]
    public async Task Transcript_WithoutClientId_FindsTheClientFromAParticipantsEmail()
    {
        using var client = ClientSuccessHttp.Authorized(sandbox);
        var contact = (await client.GetJsonAsync("v2/contact/search?size=1&page=7"))["data"]![0]!;

        var note = await client.PostJsonAsync("v2/workato/clientNote/transcript", new
        {
            transcript = "We talked about onboarding.",
            participants = new[] { contact.Text("email") },
        });

        Assert.Equal(contact["clientId"]!.GetValue<long>(), note["clientId"]!.GetValue<long>());
    }
}
