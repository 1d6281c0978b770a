using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Sources;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Application.Sources;

/// <summary>Everything the engine needs to read a source: the resolved call, the connection and the lookup rows for its macros.</summary>
internal sealed record SourcePlan(
    SourceConfig Config,
    Connection Connection,
    EndpointTemplate? Template,
    IReadOnlyList<IReadOnlyDictionary<string, string>>? LookupRows,
    string? LookupKeyColumn);
