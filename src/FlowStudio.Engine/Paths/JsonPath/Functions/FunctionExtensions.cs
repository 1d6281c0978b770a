namespace FlowStudio.Engine.Paths.JsonPath.Functions;

/// <summary>The function extensions RFC 9535 defines: length, count, match, search and value.</summary>
internal static class FunctionExtensions
{
    private static readonly Dictionary<string, FunctionExtension> ByName = new FunctionExtension[]
    {
        new LengthFunction(), new CountFunction(), new RegexFunction("match", fullMatch: true),
        new RegexFunction("search", fullMatch: false), new ValueFunction(),
    }.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public static string Known => string.Join(", ", ByName.Keys.Select(k => k + "()"));

    public static FunctionExtension? Find(string name) => ByName.GetValueOrDefault(name);
}
