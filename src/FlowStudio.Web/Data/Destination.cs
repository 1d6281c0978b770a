namespace FlowStudio.Web.Data;

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

    /// <summary>The ClientSuccess sync settings (object type, sync mode, field mapping) as JSON, or null.</summary>
    public string? SyncJson { get; set; }

    /// <summary>"active" or "paused".</summary>
    public string Status { get; set; } = "paused";

    /// <summary>The webhook source whose dataset receives each API response, when the response webhook is on.</summary>
    public string? ResponseSourceId { get; set; }

    public DateTime CreatedAt { get; init; }

    public DateTime UpdatedAt { get; set; }
}
