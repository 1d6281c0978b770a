using Bunit;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Sources;

[Collection(AppCollection.Name)]
public sealed class SourceEditorTests(FlowStudioApp app) : SourceScreenTest(app)
{
    private async Task<IRenderedComponent<SourceEditor>> NewEditorAsync(SourceMode mode = SourceMode.Template)
    {
        var draft = SourceDraft.New("clientsuccess", await CredentialIdAsync(), hasTemplates: true);
        draft.Mode = mode;
        var editor = RenderWithProviders<SourceEditor>(p => p
            .Add(e => e.Draft, draft)
            .Add(e => e.Title, "New ClientSuccess source")
            .Add(e => e.Pretitle, "New Data Flow")
            .Add(e => e.ConnectorName, "ClientSuccess"));
        editor.WaitForElement(mode == SourceMode.Template ? "#template-id" : "#manual-url");
        return editor;
    }

    [Fact]
    public async Task Test_RequiredTemplateFieldEmpty_ShowsItsErrorBesideTheFieldAndKeepsTheEndpoint()
    {
        var editor = await NewEditorAsync();
        Choose(editor, "template-id", "Get Client");
        editor.WaitForElement("#param-clientId");

        editor.Find("#template-test").Click();

        editor.WaitForAssertion(() => Assert.Contains("Client ID", editor.Find("#param-clientId-error").TextContent, StringComparison.Ordinal));
        Assert.Equal("true", editor.Find("#param-clientId").GetAttribute("aria-invalid"));
        Assert.Equal("Get Client", Shown(editor, "template-id"));
        Assert.NotNull(editor.Find("[data-testid=test-result-invalid]"));
    }

    [Fact]
    public async Task Test_SearchPulses_ShowsSampleRecordsAsTableAndJsonInTheStickyPanel()
    {
        var editor = await NewEditorAsync();
        Choose(editor, "template-id", "Search Pulses");

        editor.Find("#template-test").Click();

        editor.WaitForAssertion(() => Assert.Contains("50 sample records", editor.Find("[data-testid=test-result-summary]").TextContent, StringComparison.Ordinal),
            TimeSpan.FromSeconds(20));
        var panel = editor.Find("[data-testid=test-result]");
        Assert.Contains("sticky-panel", panel.ClassList);
        Assert.Equal("region", panel.GetAttribute("role"));
        Assert.Equal("false", panel.GetAttribute("aria-busy"));
        Assert.Equal(10, editor.FindAll("[data-testid=test-result-records] tbody tr").Count);
        Assert.Contains("200", editor.Find("[data-testid=test-result-requests] tbody tr").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Test_AdvancedWithBadPathAndHeaders_ShowsEveryErrorAtOnceInPlainWordsAndKeepsTheValues()
    {
        var editor = await NewEditorAsync(SourceMode.Manual);
        editor.Find("#manual-url").Input("/v2/clientNote/search");
        editor.Find("#manual-data-path").Input("$.data[");
        editor.Find("#manual-headers").Input("X-Api-Version 2");

        editor.Find("#manual-test").Click();

        editor.WaitForAssertion(() => Assert.NotNull(editor.Find("#manual-data-path-error")));
        var pathError = editor.Find("#manual-data-path-error").TextContent;
        Assert.Contains("$.data[*]", pathError, StringComparison.Ordinal);
        Assert.DoesNotContain("position", pathError, StringComparison.Ordinal);
        Assert.Contains("has no colon", editor.Find("#manual-headers-error").TextContent, StringComparison.Ordinal);
        Assert.Equal("true", editor.Find("#manual-data-path").GetAttribute("aria-invalid"));
        Assert.Equal("$.data[", editor.TypedText("manual-data-path"));
        Assert.Equal("/v2/clientNote/search", editor.TypedText("manual-url"));
    }

    [Fact]
    public async Task Test_WritingTemplate_SaysItWritesAndAsksBeforeSending()
    {
        var editor = await NewEditorAsync();
        Choose(editor, "template-id", "Create Pulse");
        editor.WaitForAssertion(() => Assert.Contains("writes to ClientSuccess", editor.Find("[data-testid=template-writes]").TextContent, StringComparison.Ordinal));

        editor.Find("#template-test").Click();

        Providers.WaitForAssertion(() => Assert.Contains("Test writes to ClientSuccess", Providers.Markup, StringComparison.Ordinal));
        Assert.Contains("POST request of “Create Pulse”", Providers.Markup, StringComparison.Ordinal);
        ClickButton(Providers.Find(".mud-dialog"), "Cancel");
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.NotNull(editor.Find("[data-testid=test-result-empty]"));
    }

    [Fact]
    public async Task MacroList_TypingABrace_OffersMacrosWithTheirValuesAndEnterInsertsTheChosenOne()
    {
        var editor = await NewEditorAsync(SourceMode.Manual);
        var url = editor.Find("#manual-url");

        url.Input("/v2/clientNote/search?modifiedAfter={now-");

        editor.WaitForAssertion(() => Assert.Equal("true", editor.Find("#manual-url").GetAttribute("aria-expanded")));
        var options = editor.FindAll("#url-macros [role=option]");
        Assert.Contains(options, o => o.TextContent.Contains("{now-1}", StringComparison.Ordinal) && o.TextContent.Contains("One day before now", StringComparison.Ordinal));
        editor.Find("#manual-url").KeyDown("ArrowDown");
        var chosen = editor.Find("#url-macros [aria-selected=true]").QuerySelector("code")!.TextContent;
        Assert.Equal(editor.Find("#url-macros [aria-selected=true]").Id, editor.Find("#manual-url").GetAttribute("aria-activedescendant"));
        editor.Find("#manual-url").KeyDown("Enter");

        editor.WaitForAssertion(() => Assert.Equal($"/v2/clientNote/search?modifiedAfter={chosen}", editor.Find("#manual-url").GetAttribute("value")));
        Assert.Equal("false", editor.Find("#manual-url").GetAttribute("aria-expanded"));
        Assert.Empty(editor.FindAll("#url-macros"));
    }

    [Fact]
    public async Task NewLookup_CreatedInTheDialog_IsChosenInPlaceAndItsColumnsJoinTheMacrosWithNothingTypedLost()
    {
        var editor = await NewEditorAsync(SourceMode.Manual);
        editor.Find("#source-name").Input("Clients one by one");
        editor.Find("#manual-url").Input("/v2/client/");
        var name = "clients_" + Guid.NewGuid().ToString("N")[..6];

        ClickButton(editor, "New lookup");
        Providers.WaitForElement("#new-lookup-name");
        Providers.Find("#new-lookup-name").Input("bad name!");
        Providers.Find("#new-lookup-rows").Input("id,name\n1198,Acme\n1023");
        ClickButton(Dialog(), "Save lookup");
        Providers.WaitForAssertion(() => Assert.Contains("Line 3 has 1 values", Dialog().TextContent, StringComparison.Ordinal));
        Assert.Contains("letters, digits and underscores", Dialog().TextContent, StringComparison.OrdinalIgnoreCase);

        Providers.Find("#new-lookup-name").Input(name);
        Providers.Find("#new-lookup-rows").Input("id,name\n1198,Acme\n1023,Globex");
        ClickButton(Dialog(), "Save lookup");

        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        editor.WaitForAssertion(() => Assert.Equal($"{name} (2 rows)", Shown(editor, "manual-lookup")));
        Assert.Equal("Clients one by one", editor.TypedText("source-name"));
        Assert.Equal("/v2/client/", editor.TypedText("manual-url"));
        editor.Find("#manual-url").Input("/v2/client/{" + name[..5]);
        editor.WaitForAssertion(() => Assert.Contains(editor.FindAll("#url-macros [role=option]"),
            o => o.TextContent.Contains($"{{{name}.name}}", StringComparison.Ordinal) && o.TextContent.Contains("Acme", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Leaving_WithUnsavedChanges_AsksFirstAndStaysWhenTheUserSaysSo()
    {
        var editor = await NewEditorAsync(SourceMode.Manual);
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;
        editor.Find("#manual-url").Input("/v2/contract/search");

        await editor.InvokeAsync(() => navigation.NavigateTo("/sources"));

        Providers.WaitForAssertion(() => Assert.Contains("Leave without saving?", Providers.Markup, StringComparison.Ordinal));
        ClickButton(Dialog(), "Stay");
        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("/v2/contract/search", editor.TypedText("manual-url"));
    }

    [Fact]
    public async Task Leaving_WithoutChanges_DoesNotAsk()
    {
        await NewEditorAsync();
        var navigation = Services.GetRequiredService<NavigationManager>();

        navigation.NavigateTo("/sources");

        // Location-changing handlers may finish after the call returns (the editor loads asynchronously on PostgreSQL).
        Providers.WaitForAssertion(() => Assert.EndsWith("/sources", navigation.Uri, StringComparison.Ordinal));
        Assert.Empty(Providers.FindAll(".mud-dialog"));
    }

    [Fact]
    public async Task Schedule_CronInATimeZone_SaysItInWordsWithTheNextRuns()
    {
        var editor = await NewEditorAsync();
        Choose(editor, "schedule-kind", "On a cron schedule");
        editor.WaitForElement("#schedule-cron");

        editor.Find("#schedule-cron").Input("0 6 * * mon-fri");

        editor.WaitForAssertion(() => Assert.Equal("At 06:00 on Monday through Friday", editor.Find("[data-testid=schedule-words]").TextContent.Trim()));
        Assert.Equal(5, editor.FindAll("[data-testid=schedule-next-runs] li").Count);
    }

    [Fact]
    public async Task Create_SearchContracts_StoresTheSourceActiveAndOpensItsPage()
    {
        var editor = await NewEditorAsync();
        var name = Unique("Contracts from the editor");
        Choose(editor, "template-id", "Search Contracts");
        editor.Find("#source-name").Input(name);

        editor.Find("#source-create").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        editor.WaitForAssertion(() => Assert.Matches("/sources/src_[0-9a-z]+$", navigation.Uri), TimeSpan.FromSeconds(10));
        var source = await GetSourceAsync(navigation.Uri.Split('/')[^1]);
        Assert.Equal(name, source.GetProperty("name").GetString());
        Assert.Equal("active", source.GetProperty("status").GetString());
        Assert.Equal("clientsuccess.search-contracts", source.GetProperty("templateId").GetString());
    }
}
