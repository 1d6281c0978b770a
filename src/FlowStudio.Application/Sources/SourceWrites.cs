using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Sources;

/// <summary>Whether a source's call writes to the API (any method but GET), so Test asks before sending it.</summary>
internal static class SourceWrites
{
    /// <summary>The method, upper case, when it writes; null for GET.</summary>
    public static string? Writing(string? method) =>
        method is null || string.Equals(method.Trim(), "GET", StringComparison.OrdinalIgnoreCase) ? null : method.Trim().ToUpperInvariant();

    /// <summary>The saved source's method when it writes.</summary>
    public static string? MethodOf(SourceView source, TemplateCatalog templates) =>
        Writing(source.Manual?.Method ?? (source.TemplateId is null ? null : templates.Find(source.TemplateId)?.Method));

    /// <summary>The question Test asks before a writing call: what it sends, where, and that it changes data there.</summary>
    public static (string Title, string Message) Question(string method, string endpoint, string connectorName) => (
        $"Test writes to {connectorName}",
        $"Test sends the {method} request of {endpoint} to {connectorName}: it creates, changes or deletes data there, as a run would. Send it?");
}
