using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>Runs a query the way the RFC's example tables show results: compact JSON values and Normalized Paths.</summary>
internal static class Rfc
{
    /// <summary>The selected values as one compact JSON array, e.g. ["b","c"].</summary>
    public static string Values(string path, string document) =>
        new JArray(JsonPathQuery.Parse(path).Select(JsonText.Parse(document)).Select(v => v.DeepClone())).ToString(Formatting.None);

    /// <summary>The Normalized Paths of the selected nodes, space-separated as in the RFC's tables.</summary>
    public static string Paths(string path, string document) =>
        string.Join(" ", JsonPathQuery.Parse(path).SelectWithPaths(JsonText.Parse(document)).Select(n => n.NormalizedPath));

    /// <summary>The position and problem of an invalid path.</summary>
    public static JsonPathException Error(string path) => Assert.Throws<JsonPathException>(() => JsonPathQuery.Parse(path));
}
