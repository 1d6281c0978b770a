namespace FlowStudio.Engine.Templates;

/// <summary>The content of one <c>templates/{connector}.{direction}.json</c> file.</summary>
public sealed record TemplateFile
{
    /// <summary>Connector id shared by every template in the file.</summary>
    public string Connector { get; init; } = "";

    /// <summary>"source" or "destination".</summary>
    public string Direction { get; init; } = "";

    /// <summary>The templates, in the order the UI lists them.</summary>
    public IReadOnlyList<EndpointTemplate> Templates { get; init; } = [];
}

/// <summary>Something wrong in a template file; the rest of the catalog still loads.</summary>
/// <param name="File">File name, e.g. "clari.destination.json".</param>
/// <param name="Message">What is wrong, naming the template and field when there is one.</param>
public sealed record TemplateProblem(string File, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}: {Message}";
}
