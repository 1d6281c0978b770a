using FlowStudio.Web.Features.Credentials;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components;

public sealed class CredentialsPageTests
{
    [Fact]
    public async Task Render_NoCredentials_ExplainsWhatACredentialIs()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/credentials");

        var document = await renderer.RenderAsync<CredentialsPage>();

        Assert.Equal("Credentials", document.QuerySelector("h1")!.TextContent.Trim());
        Assert.Equal("No credentials yet", document.QuerySelector(".empty-title")!.TextContent.Trim());
        Assert.Null(document.QuerySelector("table"));
    }

    [Fact]
    public async Task Render_WithCredential_ShowsItsFieldsWithSecretsMasked()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/credentials");
        var credentials = renderer.Services.GetRequiredService<CredentialService>();
        var (created, errors, _) = await credentials.CreateAsync(
            new CreateCredentialRequest("clari", "Clari Production", new()
            {
                ["baseUrl"] = "https://api.clari.com",
                ["apiKey"] = "clari-production-api-key-7731",
            }),
            CancellationToken.None);
        Assert.Empty(errors);
        Assert.NotNull(created);

        var document = await renderer.RenderAsync<CredentialsPage>();

        var row = document.QuerySelector("tbody tr")!;
        Assert.Equal("Clari Production", row.QuerySelector("td[data-label='Name']")!.TextContent.Trim());
        Assert.Equal("Clari", row.QuerySelector("td[data-label='Connector']")!.TextContent.Trim());
        var fields = row.QuerySelectorAll("dt").Zip(row.QuerySelectorAll("dd"), (dt, dd) => (dt.TextContent.Trim(), dd.TextContent.Trim())).ToList();
        Assert.Equal([("Base URL", "https://api.clari.com"), ("API Key", "••••••••")], fields);
        Assert.DoesNotContain("clari-production-api-key", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }
}
