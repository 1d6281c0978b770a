using System.Text.Json.Nodes;

namespace FlowStudio.Engine.Sources;

/// <summary>What a source test shows: sample records from the first page and what helps fix the configuration.</summary>
/// <param name="Records">Up to the requested number of records of the first page, numbers and strings as sent.</param>
/// <param name="Metadata">What the path to metadata selected, or null.</param>
/// <param name="Suggestions">Paths to data suggested from the raw response, best first.</param>
/// <param name="Requests">The requests made.</param>
/// <param name="ResponseBody">The raw first response (credentials masked).</param>
public sealed record SourceSample(
    IReadOnlyList<JsonObject> Records,
    JsonNode? Metadata,
    IReadOnlyList<string> Suggestions,
    IReadOnlyList<RequestLogEntry> Requests,
    string ResponseBody);
