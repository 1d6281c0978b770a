using FlowStudio.Engine.Templates;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// Which input shows the errors of each API field name ("url", "batching.code", "parameters.entityType"), so a message
/// lands beside its field, and the Sample Payload panel can link to it.
/// </summary>
public static class DestinationFields
{
    public const string Name = "destination-name";

    private static readonly (string Field, string InputId, string Label)[] Always = [("name", Name, "Name")];

    private static readonly (string Field, string InputId, string Label)[] Manual =
    [
        ("method", "destination-method", "Method"),
        ("contentFormat", "destination-content-format", "Content Format"),
        ("url", "destination-url", "URL"),
        ("headers", "destination-headers", "Request Headers"),
        ("excludeAttributes", "destination-exclude", "Exclude Attributes"),
        ("batching.enabled", "batching-enabled", "Would you like to batch your records together?"),
        ("batching.batchSize", "batching-size", "Batch Size"),
        ("batching.algorithm", "batching-algorithm", "Grouping Algorithm"),
        ("batching.propertyName", "batching-property-name", "Property Name"),
        ("batching.otherProps", "batching-other-props", "Other Props"),
        ("batching.code", "batching-code", "Code"),
    ];

    private static readonly (string Field, string InputId, string Label)[] Sync =
    [
        ("sync.objectType", "sync-object-type", "Object Type"),
        ("sync.mode", "sync-mode", "Sync Mode"),
        ("sync.fieldMapping", "sync-mapping", "Field Mapping"),
    ];

    public static string ParameterInputId(string parameterName) => "param-" + parameterName;

    public static string ErrorId(string inputId) => inputId + "-error";

    /// <summary>The fields the form shows for its mode: API field name, input id and label.</summary>
    public static IReadOnlyList<(string Field, string InputId, string Label)> Shown(DestinationForm form, EndpointTemplate? template)
    {
        IEnumerable<(string, string, string)> fields = form.Mode switch
        {
            DestinationForm.ManualMode => Manual,
            DestinationForm.ClientSuccessSync => Sync,
            _ => [("templateId", "destination-template", "Endpoint"),
                .. (template?.Parameters ?? []).Select(p => ($"parameters.{p.Name}", ParameterInputId(p.Name), p.Label))],
        };
        return [.. Always, .. fields];
    }

    /// <summary>The input that shows <paramref name="field"/>'s errors, or null when the form has no input for it.</summary>
    public static (string InputId, string Label)? Find(DestinationForm form, EndpointTemplate? template, string field)
    {
        foreach (var shown in Shown(form, template))
        {
            if (shown.Field == field)
            {
                return (shown.InputId, shown.Label);
            }
        }

        return null;
    }
}
