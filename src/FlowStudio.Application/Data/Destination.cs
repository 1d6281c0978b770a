namespace FlowStudio.Application.Data;

internal sealed class Destination
{
    public required string Id { get; init; }

    public required string Name { get; set; }

    public required string DatasetId { get; init; }

    public required string CredentialId { get; set; }

    public string? TemplateId { get; set; }

    public string ParametersJson { get; set; } = "{}";

    /// <summary>The Advanced configuration as the user entered it (JSON), or null for a template destination.</summary>
    public string? ManualJson { get; set; }

    /// <summary>Settings beside the template or manual configuration (ClientSuccess sync, excluded attributes, response webhook) as JSON.</summary>
    public string? OptionsJson { get; set; }

    public ResourceStatus Status { get; set; } = ResourceStatus.Paused;

    /// <summary>The webhook source whose dataset receives each API response, when the response webhook is on.</summary>
    public string? ResponseSourceId { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
