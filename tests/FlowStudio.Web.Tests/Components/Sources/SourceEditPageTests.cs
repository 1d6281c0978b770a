using Bunit;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Sources;

[Collection(AppCollection.Name)]
public sealed class SourceEditPageTests(FlowStudioApp app) : SourceScreenTest(app)
{
    [Fact]
    public async Task Save_ManualSourceWithARecordKey_KeepsTheKeyTheEditorHasNoFieldFor()
    {
        var source = await CreateSourceAsync(new
        {
            name = Unique("Keyed contracts"),
            credentialId = await CredentialIdAsync(),
            manual = new { url = "/v2/contract/search", dataPath = "$.data[*]", key = "id", headers = new Dictionary<string, string> { ["X-Version"] = "2" } },
        });
        var id = source.GetProperty("id").GetString()!;
        var page = RenderWithProviders<SourceEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#manual-url");
        Assert.Equal("/v2/contract/search", page.Find("#manual-url").GetAttribute("value"));
        Assert.Equal("X-Version:2", page.Find("#manual-headers").GetAttribute("value"));

        page.Find("#source-name").Input("Contracts, renamed");
        page.Find("#source-save").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/sources/{id}", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var saved = await GetSourceAsync(id);
        Assert.Equal("Contracts, renamed", saved.GetProperty("name").GetString());
        Assert.Equal("id", saved.GetProperty("manual").GetProperty("key").GetString());
        Assert.Equal("2", saved.GetProperty("manual").GetProperty("headers").GetProperty("X-Version").GetString());
    }

    [Fact]
    public async Task Save_TemplateSourceWithACursorField_KeepsItAndTheChangedField()
    {
        var source = await CreateSourceAsync(new
        {
            name = Unique("Incremental notes"),
            credentialId = await CredentialIdAsync(),
            templateId = "clientsuccess.search-client-notes",
            cursorField = "modifiedTime",
        });
        var id = source.GetProperty("id").GetString()!;
        var page = RenderWithProviders<SourceEditPage>(p => p.Add(x => x.Id, id));
        page.WaitForElement("#template-id");
        Assert.Equal("Search Client Notes", Shown(page, "template-id"));

        Choose(page, "schedule-kind", "Every few minutes, hours or days");
        page.WaitForElement("#schedule-every");
        page.Find("#schedule-every").Input("6");
        page.Find("#source-save").Click();

        var navigation = Services.GetRequiredService<NavigationManager>();
        page.WaitForAssertion(() => Assert.EndsWith($"/sources/{id}", navigation.Uri, StringComparison.Ordinal), TimeSpan.FromSeconds(10));
        var saved = await GetSourceAsync(id);
        Assert.Equal("modifiedTime", saved.GetProperty("cursorField").GetString());
        Assert.Equal(6, saved.GetProperty("schedule").GetProperty("every").GetInt32());
    }

    [Fact]
    public async Task Save_BadEveryAndBadCursorMacro_ShowsBothErrorsAndStays()
    {
        var source = await CreateSourceAsync(new { name = Unique("To break"), credentialId = await CredentialIdAsync(), manual = new { url = "/v2/contact/search", dataPath = "$.data[*]" } });
        var id = source.GetProperty("id").GetString()!;
        var page = RenderWithProviders<SourceEditPage>(p => p.Add(x => x.Id, id));
        var navigation = Services.GetRequiredService<NavigationManager>();
        var before = navigation.Uri;
        page.WaitForElement("#manual-url");
        Choose(page, "schedule-kind", "Every few minutes, hours or days");
        page.WaitForElement("#schedule-every");
        page.Find("#schedule-every").Input("six");
        page.Find("#manual-url").Input("/v2/contact/search?modifiedAfter={cursor}");

        page.Find("#source-save").Click();

        page.WaitForAssertion(() => Assert.Contains("whole number", page.Find("#schedule-every-error").TextContent, StringComparison.Ordinal));
        Assert.Contains("set a Cursor Field", page.Find("#manual-cursor-field-error").TextContent, StringComparison.Ordinal);
        Assert.Equal(before, navigation.Uri);
        Assert.Equal("six", page.TypedText("schedule-every"));
    }
}
