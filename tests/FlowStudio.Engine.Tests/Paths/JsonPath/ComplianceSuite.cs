using System.Runtime.CompilerServices;
using FlowStudio.Engine.Paths;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Tests.Paths.JsonPath;

/// <summary>The JSONPath Compliance Test Suite (cts.json beside this file), found from this source file.</summary>
internal static class ComplianceSuite
{
    private static readonly Lazy<IReadOnlyDictionary<string, JObject>> Cases = new(Load);

    public static IReadOnlyDictionary<string, JObject> ByName => Cases.Value;

    private static IReadOnlyDictionary<string, JObject> Load() => Load(Locate());

    private static Dictionary<string, JObject> Load(string path) =>
        ((JArray)JsonText.Parse(File.ReadAllText(path))["tests"]!).Cast<JObject>().ToDictionary(t => (string)t["name"]!, StringComparer.Ordinal);

    private static string Locate([CallerFilePath] string thisFile = "") => Path.Combine(Path.GetDirectoryName(thisFile)!, "cts.json");
}
