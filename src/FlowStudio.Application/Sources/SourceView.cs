using FlowStudio.Engine.Scheduling;

namespace FlowStudio.Application.Sources;

internal sealed record SourceView(
    string Id,
    string Name,
    SourceKind Kind,
    string? CredentialId,
    string? Connector,
    string? TemplateId,
    string? TemplateName,
    IReadOnlyDictionary<string, string?> Parameters,
    ManualSourceRequest? Manual,
    string DatasetId,
    ResourceStatus Status,
    DateTime CreatedAt)
{
    public RunSchedule? Schedule { get; init; }

    /// <summary>Why the stored schedule cannot be used (stored before a rule existed); null when it is fine.</summary>
    public string? ScheduleProblem { get; init; }

    /// <summary>For webhook sources: where to POST records, with the token in X-Webhook-Token.</summary>
    public string? WebhookUrl { get; init; }

    public string? WebhookToken { get; init; }

    /// <summary>The record field an incremental source keeps its cursor on (the manual one, or the template source's).</summary>
    public string? CursorField { get; init; }

    /// <summary>The cursor now: the largest cursor-field value read by a successful run; null before the first.</summary>
    public string? Cursor { get; init; }
}
