using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Sources;

/// <summary>One record read by a source.</summary>
/// <param name="Data">The record; with <c>_metadata</c> when a metadata path matched and <c>_lookupKey</c> for lookup runs.</param>
/// <param name="LookupKey">For a URL with a lookup macro: the key of the lookup row the record came from.</param>
public sealed record SourceRecord(JObject Data, string? LookupKey);

/// <summary>One HTTP request a source made (shown in the test panel and run details). Holds no secrets.</summary>
public sealed record RequestLogEntry(string Method, string Url, int Status, long DurationMs);
