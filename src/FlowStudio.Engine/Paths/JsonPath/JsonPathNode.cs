using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>One node a JSONPath selected: its Normalized Path (RFC 9535 §2.7, e.g. <c>$['data'][0]</c>) and its value.</summary>
/// <param name="NormalizedPath">Where the value is in the document, written as a Normalized Path.</param>
/// <param name="Value">The selected value itself (not a copy).</param>
internal sealed record JsonPathNode(string NormalizedPath, JToken Value);
