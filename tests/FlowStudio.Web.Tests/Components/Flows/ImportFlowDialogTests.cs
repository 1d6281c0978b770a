using System.Text.Json;
using Bunit;
using FlowStudio.Web.Features.Flows;
using FlowStudio.Web.Tests.Components.Sources;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace FlowStudio.Web.Tests.Components.Canvas;

[Collection(AppCollection.Name)]
public sealed class ImportFlowDialogTests(FlowStudioApp app) : SourceScreenTest(app)
{
    [Fact]
    public async Task Import_ExportedFile_ShowsWhatItHoldsAndTheCredentialChosen_ThenCreatesItPaused()
    {
        var name = Unique("Contracts");
        var source = await CreateSourceAsync(new { name, credentialId = await CredentialIdAsync(), templateId = "clientsuccess.search-contracts" });
        using var client = App.CreateClient();
        var export = await client.GetStringAsync($"/api/flows/{source.GetProperty("id").GetString()}/export");
        await OpenAsync();

        Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(export, "flow-contracts.json"));

        Providers.WaitForAssertion(() => Assert.Contains($"Source “{name}”", Providers.Find("[data-testid=import-contents]").TextContent, StringComparison.Ordinal));
        Assert.Equal("ClientSuccess Sandbox", Providers.Find("[data-testid=import-credentials] [role=combobox]").TextContent.Trim());
        Providers.Find("[data-testid=import-submit]").Click();

        Providers.WaitForAssertion(() => Assert.Empty(Providers.FindAll(".mud-dialog")));
        Assert.Contains($"Imported “{name} (imported)”", Providers.Find("#mud-snackbar-container").TextContent, StringComparison.Ordinal);
        using var sources = JsonDocument.Parse(await client.GetStringAsync("/api/sources"));
        var imported = sources.RootElement.EnumerateArray().Single(s => s.GetProperty("name").GetString() == name + " (imported)");
        Assert.Equal("paused", imported.GetProperty("status").GetString());
        Assert.Equal(await CredentialIdAsync(), imported.GetProperty("credentialId").GetString());
    }

    [Fact]
    public async Task Import_FileThatIsNoExport_SaysSoAndImportStaysOff()
    {
        await OpenAsync();

        Providers.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText("""{"name": "something else"}""", "other.json"));

        Providers.WaitForAssertion(() => Assert.Contains("not a FlowStudio flow export", Providers.Find("[data-testid=import-problem]").TextContent, StringComparison.Ordinal));
        Assert.True(Providers.Find("[data-testid=import-submit]").HasAttribute("disabled"));
        Assert.Empty(Providers.FindAll("[data-testid=import-contents]"));
    }

    private async Task OpenAsync()
    {
        Providers = Render<ProvidersHost>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await Providers.InvokeAsync(() => dialogs.ShowAsync<ImportFlowDialog>("Import a flow"));
        Providers.WaitForAssertion(() => Assert.Contains("Choose a file made by Export", Dialog().TextContent, StringComparison.Ordinal));
    }
}
