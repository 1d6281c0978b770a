using Bunit;
using FlowStudio.Web.Features.Credentials;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Credentials;

[Collection(AppCollection.Name)]
public sealed class CredentialsPageTests : ComponentTest
{
    public CredentialsPageTests(FlowStudioApp app) : base(app) => SetRendererInfo(new RendererInfo("Server", isInteractive: true));

    [Fact]
    public void Page_SandboxSeeded_ListsCredentialsWithSecretsMasked()
    {
        var page = RenderWithProviders<CredentialsPage>();

        page.WaitForAssertion(() =>
        {
            var clari = Row(page, "Clari Sandbox");
            Assert.Contains("Partner Key", clari.TextContent, StringComparison.Ordinal);
            Assert.Contains("••••••••", clari.TextContent, StringComparison.Ordinal);
        });
        Assert.DoesNotContain("clari-sandbox-key", page.Markup, StringComparison.Ordinal);
        Assert.DoesNotContain("cs-sandbox-key", page.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delete_CredentialUsedByASourceAndADestination_IsRefusedNamingThem()
    {
        using var client = App.CreateClient();
        var (credentialId, name) = await NewRestCredentialAsync(client);
        var source = await client.PostJsonAsync("/api/sources", new
        {
            name = "Uses it " + Guid.NewGuid().ToString("N")[..6], credentialId, manual = new { method = "GET", url = "/items", dataPath = "$.items[*]" },
        }, 201);
        var page = RenderWithProviders<CredentialsPage>();
        page.WaitForAssertion(() => Row(page, name));

        Button(Row(page, name), $"Delete {name}").Click();

        Providers.WaitForAssertion(() =>
        {
            var dialog = Providers.Find(".mud-dialog").TextContent;
            Assert.Contains($"“{name}” is used by the source “{source.GetProperty("name").GetString()}”", dialog, StringComparison.Ordinal);
            Assert.Contains("Move them to another credential", dialog, StringComparison.Ordinal);
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync($"/api/credentials/{credentialId}")).StatusCode);
    }

    [Fact]
    public async Task Delete_UnusedCredential_AsksThenRemovesTheRow()
    {
        using var client = App.CreateClient();
        var (credentialId, name) = await NewRestCredentialAsync(client);
        var page = RenderWithProviders<CredentialsPage>();
        page.WaitForAssertion(() => Row(page, name));

        Button(Row(page, name), $"Delete {name}").Click();
        Providers.WaitForAssertion(() => Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete credential").Click());

        page.WaitForAssertion(() => Assert.DoesNotContain(name, page.Find("[data-testid=credentials-table]").TextContent, StringComparison.Ordinal));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await client.GetAsync($"/api/credentials/{credentialId}")).StatusCode);
    }

    [Fact]
    public async Task Edit_NewNameAndBaseUrlWithTheSecretLeftEmpty_KeepsTheSecret()
    {
        using var client = App.CreateClient();
        var (credentialId, name) = await NewRestCredentialAsync(client);
        var page = RenderWithProviders<CredentialsPage>();
        page.WaitForAssertion(() => Row(page, name));

        Button(Row(page, name), $"Edit {name}").Click();
        Providers.WaitForAssertion(() => Assert.Equal(name, Providers.Find("#credential-name").GetAttribute("value")));
        Assert.Equal("", Providers.Find("#credential-field-token").GetAttribute("value") ?? "");
        Assert.Contains("Leave empty to keep it", Providers.Find(".mud-dialog").TextContent, StringComparison.Ordinal);
        Providers.Find("#credential-name").Change(name + " renamed");
        Providers.Find("#credential-field-baseUrl").Change("https://billing.example.org/v2");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Save credential").Click();

        page.WaitForAssertion(() => Row(page, name + " renamed"));
        await using var scope = App.Services.CreateAsyncScope();
        var secrets = await scope.ServiceProvider.GetRequiredService<CredentialService>().GetSecretsAsync(credentialId, CancellationToken.None);
        Assert.Equal("https://billing.example.org/v2", secrets!.BaseUrl);
        Assert.Equal("original-bearer-token-42", secrets.Fields["token"]);
    }

    [Fact]
    public void NewCredential_MissingKeyAndBadBaseUrl_ShowsEveryErrorBesideItsFieldAndKeepsWhatWasTyped()
    {
        var page = RenderWithProviders<CredentialsPage>();
        page.WaitForAssertion(() => page.FindAll("button").Single(b => b.TextContent.Trim() == "New Credential").Click());
        Providers.WaitForAssertion(() => Providers.Find("#credential-name"));
        Providers.Find("#credential-connector").MouseDown();
        Providers.WaitForAssertion(() => Providers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "Clari").Click());
        Providers.WaitForAssertion(() => Providers.Find("#credential-field-partnerKey"));

        Providers.Find("#credential-field-baseUrl").Change("htp:/nope");
        Providers.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Save credential").Click();

        Providers.WaitForAssertion(() =>
        {
            var dialog = Providers.Find(".mud-dialog").TextContent;
            Assert.Contains("A credential needs a name.", dialog, StringComparison.Ordinal);
            Assert.Contains("API Key is required.", dialog, StringComparison.Ordinal);
            Assert.Contains("Enter an absolute http(s) URL", dialog, StringComparison.Ordinal);
        });
        Assert.Equal("htp:/nope", Providers.Find("#credential-field-baseUrl").GetAttribute("value"));
        Assert.Equal("true", Providers.Find("#credential-field-apiKey").GetAttribute("aria-invalid"));
    }

    private static AngleSharp.Dom.IElement Row(IRenderedComponent<CredentialsPage> page, string name) =>
        page.FindAll("[data-testid=credentials-table] tbody tr").Single(r => r.QuerySelector("td")!.TextContent.Trim() == name);

    private static AngleSharp.Dom.IElement Button(AngleSharp.Dom.IElement row, string label) =>
        row.QuerySelectorAll("button").Single(b => b.GetAttribute("aria-label") == label);

    private static async Task<(string Id, string Name)> NewRestCredentialAsync(HttpClient client)
    {
        var created = await client.PostJsonAsync("/api/credentials", new
        {
            connector = "rest",
            name = "Billing " + Guid.NewGuid().ToString("N")[..8],
            fields = new { baseUrl = "https://billing.example.com/api", authType = "bearer", token = "original-bearer-token-42" },
        }, 201);
        return (created.GetProperty("id").GetString()!, created.GetProperty("name").GetString()!);
    }
}
