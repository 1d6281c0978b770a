using FlowStudio.Engine.Scheduling;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Sources;

/// <summary>
/// POST /api/sources: a template source (templateId + parameters), a manual one, or a webhook source (connector "webhook").
/// <c>CursorField</c> (or <c>manual.cursorField</c>) makes it incremental: each run remembers the largest value of that
/// field (e.g. <c>modifiedTime</c>) and the next run reads only records past it. A manual URL can put the cursor where
/// the API wants it with the <c>{cursor}</c> macro; <c>manual.cursorStart</c> is its value before the first run.
/// </summary>
internal sealed record CreateSourceRequest(
    string? Name,
    string? CredentialId,
    string? TemplateId,
    Dictionary<string, string?>? Parameters,
    ManualSourceRequest? Manual,
    string? Connector = null,
    RunSchedule? Schedule = null,
    string? CursorField = null);

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
    string? Key,
    string? CursorField = null,
    string? CursorStart = null);
