using AngleSharp.Dom;
using FlowStudio.Engine;
using FlowStudio.Web.Features.Sources;

namespace FlowStudio.Web.Tests.Components.Sources;

public sealed class TemplateFieldsTests
{
    [Fact]
    public async Task Render_CreatePulse_EveryFieldHasTheSeedLabelBoundToItsInput()
    {
        var document = await RenderAsync("clientsuccess.create-pulse-source");

        var labels = document.QuerySelectorAll("label.form-label").ToList();
        Assert.Equal(
            ["Client ID", "Note", "Next Steps", "Subject", "Starting Score", "Current Score", "Total Score Change", "Last Score Change",
             "Tenant ID", "UUID", "Disposition Type", "Disposition ID", "Created By Employee ID", "Created Timestamp", "Product ID",
             "Batch Update Timestamp"],
            labels.Select(l => l.TextContent.Trim()));
        Assert.All(labels, label =>
        {
            var input = document.GetElementById(label.GetAttribute("for")!);
            Assert.NotNull(input);
            Assert.Contains(input.LocalName, new[] { "input", "select", "textarea" });
        });
    }

    [Fact]
    public async Task Render_RequiredAndOptionalFields_OnlyRequiredOnesAreMarkedAndRequired()
    {
        var document = await RenderAsync("clientsuccess.create-pulse-source");

        Assert.Contains("required", Label(document, "param-clientId").ClassList);
        Assert.True(document.GetElementById("param-clientId")!.HasAttribute("required"));
        Assert.DoesNotContain("required", Label(document, "param-note").ClassList);
        Assert.False(document.GetElementById("param-note")!.HasAttribute("required"));
    }

    [Fact]
    public async Task Render_SelectNumberAndJsonParameters_UseMatchingControls()
    {
        var pulse = await RenderAsync("clientsuccess.create-pulse-source");
        var note = await RenderAsync("clientsuccess.create-client-note-source");

        var disposition = pulse.GetElementById("param-dispositionType")!;
        Assert.Equal("select", disposition.LocalName);
        Assert.Contains("Extremely Satisfied", disposition.QuerySelectorAll("option").Select(o => o.TextContent.Trim()), StringComparer.OrdinalIgnoreCase);
        Assert.Equal("number", pulse.GetElementById("param-startingScore")!.GetAttribute("type"));
        var properties = note.GetElementById("param-properties")!;
        Assert.Equal("textarea", properties.LocalName);
        Assert.Equal("json", properties.GetAttribute("data-code-editor"));
        Assert.Equal("Parameters[properties]", properties.GetAttribute("name"));
    }

    [Fact]
    public async Task Render_ErrorAndValues_ShowsMessageBesideItsFieldAndKeepsWhatWasTyped()
    {
        var document = await RenderAsync(
            "clientsuccess.create-pulse-source",
            new Dictionary<string, string?> { ["note"] = "Quarterly check-in" },
            [new FieldError("parameters.clientId", "Client ID is required.")]);

        var clientId = document.GetElementById("param-clientId")!;
        Assert.Equal("true", clientId.GetAttribute("aria-invalid"));
        var errorId = Assert.Single(clientId.GetAttribute("aria-describedby")!.Split(' '), id => id.EndsWith("-error", StringComparison.Ordinal));
        Assert.Equal("Client ID is required.", document.GetElementById(errorId)!.TextContent.Trim());
        Assert.Equal("Quarterly check-in", document.GetElementById("param-note")!.GetAttribute("value"));
        Assert.Null(document.GetElementById("param-note")!.GetAttribute("aria-invalid"));
    }

    [Fact]
    public async Task Render_TemplateWithoutParameters_SaysItNeedsNoConfiguration()
    {
        var document = await RenderAsync("clientsuccess.search-client-notes");

        Assert.Contains("needs no configuration", document.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("up to 100 records per page", document.QuerySelector("[data-testid='template-description']")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(document.QuerySelectorAll("input, select, textarea"));
    }

    private static IElement Label(IDocument document, string inputId) => document.QuerySelector($"label[for='{inputId}']")!;

    private static async Task<IDocument> RenderAsync(
        string templateId, Dictionary<string, string?>? values = null, IReadOnlyList<FieldError>? errors = null)
    {
        await using var renderer = await SourceScreensRenderer.CreateAsync();
        return await renderer.RenderAsync<TemplateFields>(new Dictionary<string, object?>
        {
            [nameof(TemplateFields.Template)] = SourceScreensRenderer.Templates.Find(templateId) ?? throw new InvalidOperationException(templateId),
            [nameof(TemplateFields.Values)] = values ?? [],
            [nameof(TemplateFields.Errors)] = new FormErrors(errors ?? []),
        });
    }
}
