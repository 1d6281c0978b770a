
namespace FlowStudio.Application.Destinations;

/// <summary>The name a destination gets when none is given: the connector and the endpoint, e.g. "Clari Ingest Bulk Entities".</summary>
internal static class DestinationNames
{
    public const int MaxLength = 100;

    public static string Default(CreateDestinationRequest request, string? connectorId, Func<string, string?> templateName)
    {
        var connector = ConnectorCatalog.Find(connectorId)?.Name ?? "API";
        var name = request switch
        {
            { TemplateId: { } templateId } => $"{connector} {templateName(templateId) ?? templateId}",
            { Sync: { } sync } => $"{connector} {sync.Mode} {sync.ObjectType}s",
            _ => $"{connector} {(request.Manual?.Method ?? "POST").ToUpperInvariant()} {request.Manual?.Url?.Split('?')[0]}".TrimEnd(),
        };
        return name.Length <= MaxLength ? name : name[..MaxLength];
    }
}
