using Bunit;
using Bunit.TestDoubles;
using FlowStudio.Web.Features.Flows;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Canvas;

[Collection(AppCollection.Name)]
public sealed class NewFlowPageTests : ComponentTest
{
    public NewFlowPageTests(FlowStudioApp app) : base(app) => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    private static bool IsChecked(AngleSharp.Dom.IElement radio) => radio.HasAttribute("checked");

    private static AngleSharp.Dom.IElement Radio(IRenderedComponent<NewFlowPage> page, string label) =>
        page.FindAll(".choice-option").Single(o => o.QuerySelector(".mud-radio")!.TextContent.Trim() == label).QuerySelector("input[type=radio]")!;

    private BunitNavigationManager Navigation => Services.GetRequiredService<BunitNavigationManager>();

    [Fact]
    public void FlowTypeStep_FlexFlowChosenThenCreate_MovesToTheConnectors()
    {
        var page = RenderWithProviders<NewFlowPage>();

        Assert.True(IsChecked(Radio(page, "FlexFlow")));
        Assert.False(IsChecked(Radio(page, "Webhook")));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create").Click();

        Assert.EndsWith("/flows/new?type=flexflow", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void FlowTypeStep_SyncChosenThenCreate_OpensTheSyncSetUp()
    {
        var page = RenderWithProviders<NewFlowPage>();

        Radio(page, "Sync").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create").Click();

        Assert.EndsWith("/syncs/new", Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void ConnectorStep_ListsSourceConnectorsAsTilesLinkingToTheCredentialStep()
    {
        Navigation.NavigateTo("/flows/new?type=flexflow");

        var page = RenderWithProviders<NewFlowPage>();

        var tiles = page.FindAll(".connector-tile");
        Assert.Equal(["ClientSuccess", "Clari", "REST API", "Zoho CRM", "Webhook"], tiles.Select(t => t.QuerySelector(".connector-tile-name")!.TextContent.Trim()));
        Assert.Equal("/flows/new?type=flexflow&connector=clari", tiles[1].GetAttribute("href"));
    }

    [Fact]
    public async Task CredentialStep_ChosenCredentialThenNext_OpensTheSourceEditorWithConnectorAndCredential()
    {
        Navigation.NavigateTo("/flows/new?type=flexflow&connector=clientsuccess");

        var page = RenderWithProviders<NewFlowPage>();

        page.WaitForAssertion(() => Assert.Contains("ClientSuccess Sandbox", page.Find("[role=radiogroup]").TextContent, StringComparison.Ordinal));
        Assert.DoesNotContain("cs-sandbox-key", page.Markup, StringComparison.Ordinal);
        Radio(page, "ClientSuccess Sandbox").Click();
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Next").Click();

        Assert.EndsWith($"/flows/new/source?connector=clientsuccess&credentialId={await App.CreateClient().CredentialIdAsync("ClientSuccess Sandbox")}",
            Navigation.Uri, StringComparison.Ordinal);
    }

    [Fact]
    public void CredentialStep_NewCredentialSavedInTheDialog_IsChosenWithoutLeavingTheWizard()
    {
        Navigation.NavigateTo("/flows/new?type=flexflow&connector=clari");
        var page = RenderWithProviders<NewFlowPage>();
        page.WaitForAssertion(() => page.Find("[role=radiogroup]"));
        var name = "Clari EU " + Guid.NewGuid().ToString("N")[..6];

        page.FindAll("button").Single(b => b.TextContent.Trim() == "New Clari credential").Click();
        Providers.WaitForAssertion(() => Assert.Contains("Connector: Clari", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal));
        Providers.Find("#credential-name").Change(name);
        Providers.Find("#credential-field-apiKey").Change("clari-eu-key-0001");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Save credential").Click();

        page.WaitForAssertion(() =>
        {
            var chosen = page.FindAll("input[type=radio]").Single(IsChecked);
            Assert.Contains(name, chosen.Closest(".choice-option")!.TextContent, StringComparison.Ordinal);
        });
        Assert.EndsWith("/flows/new?type=flexflow&connector=clari", Navigation.Uri, StringComparison.Ordinal);
        Assert.DoesNotContain("clari-eu-key-0001", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookStep_NoNameThenName_ShowsTheErrorThenTheUrlAndTokenOnce()
    {
        Navigation.NavigateTo("/flows/new?type=flexflow&connector=webhook");
        var page = RenderWithProviders<NewFlowPage>();
        var name = "Shop orders " + Guid.NewGuid().ToString("N")[..6];

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create").Click();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("#webhook-name").GetAttribute("aria-invalid")));
        Assert.Contains("Give the source a name.", page.Markup, StringComparison.Ordinal);
        page.Find("#webhook-name").Change(name);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create").Click();

        page.WaitForAssertion(() => Assert.Contains($"Webhook source “{name}” created", page.Find("[data-testid=webhook-created]").TextContent, StringComparison.Ordinal));
        Assert.Matches("/api/webhooks/src_[0-9a-z]+$", page.Find("[data-testid=webhook-url]").TextContent.Trim());
        Assert.Matches("^X-Webhook-Token: \\S{16,}$", page.Find("[data-testid=webhook-token]").TextContent.Trim());
    }

    [Fact]
    public async Task WebhookStep_Create_IsInTheAuditLogAsTheSignedInUserWithoutAKey()
    {
        Navigation.NavigateTo("/flows/new?type=webhook");
        var page = RenderWithProviders<NewFlowPage>();
        var name = "Audited hook " + Guid.NewGuid().ToString("N")[..6];

        page.Find("#webhook-name").Change(name);
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Create").Click();
        page.WaitForAssertion(() => page.Find("[data-testid=webhook-created]"));

        using var owner = App.CreateClient();
        var sourceId = page.Find("[data-testid=webhook-url]").TextContent.Trim().Split('/')[^1];
        using var audit = System.Text.Json.JsonDocument.Parse(await owner.GetStringAsync("/api/audit?limit=50"));
        var entry = audit.RootElement.EnumerateArray().First(e => e.GetProperty("resourceId").GetString() == sourceId);
        Assert.Equal(("create", "source", "ada@example.com"),
            (entry.GetProperty("action").GetString(), entry.GetProperty("resource").GetString(), entry.GetProperty("actor").GetString()));
        Assert.Equal(System.Text.Json.JsonValueKind.Null, entry.GetProperty("apiKeyName").ValueKind);
    }

    [Fact]
    public void WebhookFlowType_GoesStraightToTheName()
    {
        Navigation.NavigateTo("/flows/new?type=webhook");

        var page = RenderWithProviders<NewFlowPage>();

        Assert.NotNull(page.Find("#webhook-name"));
        Assert.DoesNotContain(page.FindAll(".wizard-steps li"), li => li.TextContent.Contains("Connector", StringComparison.Ordinal));
    }
}

[Collection(AppCollection.Name)]
public sealed class NewFlowPageEditorTests : ComponentTest
{
    public NewFlowPageEditorTests(FlowStudioApp app) : base(app, AccountRole.Editor) => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void CredentialStep_Editor_CannotCreateCredentialsAndIsToldWhoCan()
    {
        Services.GetRequiredService<Bunit.TestDoubles.BunitNavigationManager>().NavigateTo("/flows/new?type=flexflow&connector=clari");

        var page = RenderWithProviders<NewFlowPage>();

        page.WaitForAssertion(() => Assert.Contains("Only an owner can add credentials", page.Markup, StringComparison.Ordinal));
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("New Clari credential", StringComparison.Ordinal));
    }
}
