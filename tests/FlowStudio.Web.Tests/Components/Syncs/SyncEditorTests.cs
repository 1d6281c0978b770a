using System.Net.Http.Json;
using Bunit;
using FlowStudio.Web.Features.Syncs;
using FlowStudio.Web.Tests.Components.Destinations;
using FlowStudio.Web.Tests.Features.Syncs;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Web;

namespace FlowStudio.Web.Tests.Components.Syncs;

/// <summary>The sync editor over the real app and the mounted Zoho CRM and ClientSuccess simulators.</summary>
[Collection(AppCollection.Name)]
public sealed class SyncEditorTests(FlowStudioApp app) : ComponentTest(app)
{
    /// <summary>One customer account of the seed: its initial import runs in well under a second.</summary>
    private static readonly SyncCondition[] OneAccount = [new("Account_Name", "equals", "Umbrella Labs 003")];

    [Fact]
    public async Task New_ProposesTheMappingsAndTheSandboxCredentials()
    {
        var editor = await NewEditorAsync();

        Assert.Equal("ClientSuccess Sandbox", editor.Shown("ClientSuccess credential"));
        Assert.Equal("Zoho CRM Sandbox", editor.Shown("Zoho CRM credential"));
        var clientRows = editor.FindAll("[data-testid=mappings-clients] [data-testid=mapping-row]");
        Assert.Equal(("externalId", "id"), (clientRows[0].GetAttribute("data-cs-field"), clientRows[0].GetAttribute("data-crm-field")));
        Assert.Equal("PULL", editor.Shown("Client mapping 1 direction"));
        Assert.Contains(clientRows, r => r.GetAttribute("data-cs-field") == "name" && r.GetAttribute("data-crm-field") == "Account_Name");
        Assert.Contains(editor.FindAll("[data-testid=mappings-contacts] [data-testid=mapping-row]"),
            r => r.GetAttribute("data-cs-field") == "firstName" && r.GetAttribute("data-crm-field") == "First_Name");
        Assert.Equal("PUSH AND PULL", editor.Shown("Client sync direction"));
    }

    [Fact]
    public async Task Create_ConditionWithoutValueAndClientNameUnmapped_ShowsEachMessageBesideItsField()
    {
        var editor = await NewEditorAsync();
        await editor.FindAll("button").Single(b => b.TextContent.Trim() == "Add client condition").ClickAsync(new MouseEventArgs());
        await editor.ChooseAsync(Providers, "Client condition 1 field", "Account Status");
        var nameRow = editor.FindAll("[data-testid=mappings-clients] [data-testid=mapping-row]").Select((r, i) => (r, i)).Single(x => x.r.GetAttribute("data-cs-field") == "name").i;
        await editor.Find($"[aria-label='Remove client mapping {nameRow + 1}']").ClickAsync(new MouseEventArgs());

        await editor.Find("#sync-save").ClickAsync(new MouseEventArgs());

        await editor.EventuallyAsync(() =>
            Assert.Contains("Give the value to compare with.", editor.Find("[data-testid=filter-clients] [data-testid=filter-condition]").TextContent, StringComparison.Ordinal));
        Assert.Contains("name", editor.Find("#clients-fields-error").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("[data-testid=form-errors]"));
        Assert.Equal("New sync", editor.Find("h1").TextContent);
    }

    [Fact]
    public async Task Direction_ObjectSetToPull_SupersedesTheFieldDirectionsWithTheRuleQuoted()
    {
        var editor = await NewEditorAsync();
        await editor.ChooseAsync(Providers, "Client mapping 2 direction", "PUSH");
        Assert.Empty(editor.FindAll("[data-testid=superseded-clients]"));

        await editor.ChooseAsync(Providers, "Client sync direction", "PULL");

        Assert.Contains("it will supersede field-level mappings", editor.Find("[data-testid=superseded-clients]").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", editor.Combobox("Client mapping 2 direction").GetAttribute("aria-disabled"));
        Assert.Contains("Superseded: syncs PULL", editor.Find("[data-testid=mappings-clients]").TextContent, StringComparison.Ordinal);
        Assert.Empty(editor.FindAll("[data-testid=superseded-contacts]"));
        Assert.NotEqual("true", editor.Combobox("Contact mapping 2 direction").GetAttribute("aria-disabled"));
    }

    [Fact]
    public async Task DryRun_ShowsTheFilterCountAndWhatEachSideWouldGet_AsTheApiPreviewCounts()
    {
        using var client = App.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client))).GetProperty("id").GetString()!;
        var expected = await client.PostJsonAsync($"/api/syncs/{id}/preview", new { }, 200);
        var editor = await EditorAsync(id);

        await editor.Find("#sync-dry-run").ClickAsync(new MouseEventArgs());

        await editor.EventuallyAsync(() => Assert.NotEmpty(editor.FindAll("[data-testid=dry-run-counts]")));
        var clients = expected.GetProperty("filters")[0];
        Assert.Equal($"Client level: {clients.GetProperty("matching").GetInt32():N0} of {clients.GetProperty("total").GetInt32():N0} Zoho accounts match the Import Filter",
            editor.Find("[data-object=client] [data-testid=filter-preview-count]").TextContent.Trim());
        var row = editor.Find("[data-testid=dry-run-counts] [data-object=client][data-side=clientsuccess]");
        Assert.Equal(SyncSetup.Count(expected.GetProperty("dryRun"), "client", "clientsuccess", "created").ToString("N0"), row.QuerySelector("[data-testid=created]")!.TextContent);
        Assert.Equal(SyncSetup.Count(expected.GetProperty("dryRun"), "client", "clientsuccess", "skippedByFilter").ToString("N0"), row.QuerySelector("[data-testid=skipped-by-filter]")!.TextContent);
        Assert.NotEmpty(editor.FindAll("[data-testid=dry-run-sample][data-object=client][data-action=create]"));
        Assert.False(editor.Find("#sync-import").HasAttribute("disabled"));
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    [Fact]
    public async Task Import_AsksFirstWithTheDryRunsCounts_ThenRunsAndShowsWhatItDid()
    {
        using var client = App.CreateClient();
        await client.PostAsync("/sandbox/_reset", null);
        var id = (await SyncSetup.CreatedAsync(client, await SyncSetup.RequestAsync(client, filter: OneAccount))).GetProperty("id").GetString()!;
        var editor = await EditorAsync(id);
        await editor.Find("#sync-dry-run").ClickAsync(new MouseEventArgs());
        await editor.EventuallyAsync(() => Assert.False(editor.Find("#sync-import").HasAttribute("disabled")));

        editor.Find("#sync-import").ClickAndLeave();
        await Providers.EventuallyAsync(() => Assert.Contains("1 client created in ClientSuccess", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel").ClickAsync(new MouseEventArgs());
        await Providers.EventuallyAsync(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Empty((await client.GetFromJsonAsync<List<object>>($"/api/runs?resourceId={id}"))!);

        editor.Find("#sync-import").ClickAndLeave();
        await Providers.EventuallyAsync(() => Assert.NotEmpty(Providers.FindAll(".mud-dialog")));
        await Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Run initial import").ClickAsync(new MouseEventArgs());

        await editor.EventuallyAsync(() => Assert.Equal("1", editor.Find("[data-testid=import-report-counts] [data-object=client][data-side=clientsuccess] [data-testid=created]").TextContent));
        await editor.EventuallyAsync(() => Assert.NotEmpty(editor.FindAll("[data-testid=imported-at]")));
        // The runs section reloads after the import; the database may answer after the report is shown.
        await editor.EventuallyAsync(() => Assert.NotEmpty(editor.FindAll("[data-testid=sync-run] [data-testid=run-report-counts]")));
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    [Fact]
    public async Task ObjectPollSchedules_ShowTheSavedOnes_NameABadOneBesideItsField_AndSave()
    {
        using var client = App.CreateClient();
        var request = await SyncSetup.RequestAsync(client);
        var id = (await SyncSetup.CreatedAsync(client, request with { Contacts = request.Contacts! with { PullSchedule = "*/15 * * * *" } })).GetProperty("id").GetString()!;
        var editor = await EditorAsync(id);
        Assert.Contains("Object-level poll schedule", editor.Find("[data-testid=object-poll-schedules]").TextContent, StringComparison.Ordinal);
        Assert.Equal("*/15 * * * *", editor.Find("#sync-contacts-pullSchedule").GetAttribute("value"));

        editor.Find("#sync-clients-pullSchedule").Input("0 25 * * *");
        await editor.Find("#sync-save").ClickAsync(new MouseEventArgs());

        await editor.EventuallyAsync(() => Assert.Contains("hour field", editor.Find("[data-testid=object-poll-schedules]").TextContent, StringComparison.Ordinal));
        editor.Find("#sync-clients-pullSchedule").Input("0 */2 * * *");
        await editor.Find("#sync-save").ClickAsync(new MouseEventArgs());
        await SyncSandbox.EventuallyAsync(async () =>
        {
            var saved = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync($"/api/syncs/{id}")).RootElement;
            return (saved.GetProperty("clients").GetProperty("pullSchedule").GetString(), saved.GetProperty("contacts").GetProperty("pullSchedule").GetString())
                == ("0 */2 * * *", "*/15 * * * *");
        }, "the saved poll schedules", seconds: 20);
        await client.DeleteAsync($"/api/syncs/{id}");
    }

    private async Task<IRenderedComponent<SyncEditor>> NewEditorAsync()
    {
        var editor = RenderWithProviders<SyncEditor>();
        await editor.EventuallyAsync(() => Assert.Equal("New sync", editor.Find("h1").TextContent));
        return editor;
    }

    private async Task<IRenderedComponent<SyncEditor>> EditorAsync(string id)
    {
        var editor = RenderWithProviders<SyncEditor>(p => p.Add(e => e.SyncId, id));
        await editor.EventuallyAsync(() => Assert.NotEmpty(editor.FindAll("#sync-dry-run")));
        return editor;
    }
}
