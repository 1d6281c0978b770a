using FlowStudio.Web.Features.Credentials;

namespace FlowStudio.Web.Tests.Components;

public sealed class NewCredentialFormTests
{
    [Theory]
    [InlineData("clientsuccess")]
    [InlineData("clari")]
    [InlineData("rest")]
    public async Task Render_AnyConnector_EveryFieldHasABoundLabel(string connector)
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/credentials");

        var document = await renderer.RenderAsync<NewCredentialForm>(new Dictionary<string, object?> { ["ConnectorId"] = connector });

        var fields = document.QuerySelectorAll("input:not([type=hidden]), select, textarea").ToList();
        Assert.NotEmpty(fields);
        Assert.All(fields, field =>
        {
            var label = document.QuerySelector($"label[for='{field.Id}']");
            Assert.True(label is not null && label.TextContent.Trim().Length > 0, $"{field.GetAttribute("name")} has no label");
        });
    }

    [Fact]
    public async Task Render_SecretFields_ArePasswordInputsWithoutValue()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/credentials");

        var document = await renderer.RenderAsync<NewCredentialForm>(new Dictionary<string, object?>
        {
            ["ConnectorId"] = "clari",
            ["Values"] = new Dictionary<string, string?> { ["baseUrl"] = "https://eu.clari.example", ["apiKey"] = "must-not-render" },
        });

        var apiKey = document.GetElementById("credential-field-apiKey")!;
        Assert.Equal("password", apiKey.GetAttribute("type"));
        Assert.Null(apiKey.GetAttribute("value"));
        Assert.Equal("https://eu.clari.example", document.GetElementById("credential-field-baseUrl")!.GetAttribute("value"));
        Assert.DoesNotContain("must-not-render", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Render_WithErrors_ShowsEachBesideItsFieldAndFocusesTheFirst()
    {
        await using var renderer = await ComponentRenderer.CreateAsync("http://localhost/credentials");

        var document = await renderer.RenderAsync<NewCredentialForm>(new Dictionary<string, object?>
        {
            ["ConnectorId"] = "clari",
            ["Errors"] = new List<KeyValuePair<string, string>>
            {
                new("fields.apiKey", "API Key is required."),
                new("name", "A credential needs a name."),
            },
        });

        var name = document.GetElementById("credential-name")!;
        Assert.Equal("true", name.GetAttribute("aria-invalid"));
        Assert.True(name.HasAttribute("autofocus"));
        Assert.Equal("A credential needs a name.", document.GetElementById(name.GetAttribute("aria-describedby")!)!.TextContent.Trim());
        var apiKey = document.GetElementById("credential-field-apiKey")!;
        Assert.False(apiKey.HasAttribute("autofocus"));
        var described = apiKey.GetAttribute("aria-describedby")!.Split(' ').Select(id => document.GetElementById(id)!.TextContent.Trim());
        Assert.Equal(["Sent as the apikey header.", "API Key is required."], described);
    }
}
