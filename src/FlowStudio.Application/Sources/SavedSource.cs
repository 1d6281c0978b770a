namespace FlowStudio.Application.Sources;

/// <summary>A saved source as pages and the API show it, and its configuration exactly as stored, as the request that would store it again.</summary>
internal sealed record SavedSource(SourceView View, CreateSourceRequest Request);
