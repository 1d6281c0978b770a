using FlowStudio.Engine.Scheduling;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Web.Features.Sources;

/// <summary>POST /api/sources: a template source (templateId + parameters), a manual one, or a webhook source (connector "webhook").</summary>
internal sealed record CreateSourceRequest(
    string? Name,
    string? CredentialId,
    string? TemplateId,
    Dictionary<string, string?>? Parameters,
    ManualSourceRequest? Manual,
    string? Connector = null,
    RunSchedule? Schedule = null);

/// <summary>The Advanced tab: the call configured by hand.</summary>
internal sealed record ManualSourceRequest(
    string? Method,
    string? Url,
    Dictionary<string, string>? Headers,
    string? Body,
    string? DataPath,
    string? MetadataPath,
    string? DateFormat,
    string? TimeUnit,
    List<string>? LookupIds,
    PaginationSpec? Pagination,
    string? Key);
