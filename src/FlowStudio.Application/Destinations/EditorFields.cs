using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Which input shows the errors of each API field name ("url", "batching.code", "parameters.entityType"), so a message
/// lands beside its field, and the Sample Payload panel can link to it. Error ids are the input id + "-error".
/// </summary>
internal static class EditorFields
{
    private static readonly (string Field, string InputId, string Label)[] Always =
    [
        ("name", "destination-name", "Name"),
        ("credentialId", "destination-credential", "Credential"),
        ("excludeAttributes", "destination-exclude", "Exclude Attributes"),
    ];

    private static readonly (string Field, string InputId, string Label)[] Advanced =
    [
        ("method", "destination-method", "Method"),
        ("contentFormat", "destination-content-format", "Content Format"),
        ("url", "destination-url", "URL"),
        ("headers", "destination-headers", "Request Headers"),
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

    private static IEnumerable<(string, string, string)> MappingInputs(int n, string field) =>
    [
        ($"mapping[{n}].field", $"mapping-{field}-from", $"Mapping of {field}"),
        ($"mapping[{n}].from", $"mapping-{field}-from", $"Source for {field}"),
        ($"mapping[{n}].value", $"mapping-{field}-value", $"Mapping of {field}"),
        ($"mapping[{n}].convert", $"mapping-{field}-convert", $"Conversion for {field}"),
    ];

    public static string ErrorId(string inputId) => inputId + "-error";

    /// <summary>
    /// The fields the editor shows in <paramref name="mode"/>: API field name, input id and label. Row n of a template's
    /// mapping is the n-th of <paramref name="mappedFields"/>.
    /// </summary>
    public static IReadOnlyList<(string Field, string InputId, string Label)> Shown(DestinationMode mode, EndpointTemplate? template, IReadOnlyList<string> mappedFields)
    {
        IEnumerable<(string, string, string)> fields = mode switch
        {
            DestinationMode.Advanced => Advanced,
            DestinationMode.Sync => Sync,
            _ => [("templateId", "destination-template", "Endpoint"),
                .. (template?.Parameters ?? []).Select(p => ($"parameters.{p.Name}", ParameterInputId(p.Name), p.Label)),
                .. mappedFields.SelectMany((field, n) => MappingInputs(n, field))],
        };
        return [.. Always, .. fields];
    }

    /// <summary>The problem as the Sample Payload panel lists it: linked to its field when the editor shows one.</summary>
    public static PanelProblem Problem(FlowStudio.Engine.FieldError error, DestinationMode mode, EndpointTemplate? template, IReadOnlyList<string> mappedFields) =>
        Shown(mode, template, mappedFields).FirstOrDefault(f => f.Field == error.Field) is { InputId: not null } shown
            ? new PanelProblem(error.Message, shown.Label, shown.InputId)
            : new PanelProblem(error.Message);
}
