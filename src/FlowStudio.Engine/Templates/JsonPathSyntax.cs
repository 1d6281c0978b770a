using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Templates;

/// <summary>Checks JSONPath expressions with the same parser that later evaluates them (Newtonsoft's).</summary>
internal static class JsonPathSyntax
{
    private static readonly JObject Empty = new();

    /// <summary>Null when <paramref name="path"/> is a valid JSONPath starting at the root (<c>$</c>), else why not.</summary>
    public static string? Problem(string path)
    {
        if (!path.StartsWith('$'))
        {
            return $"'{path}' is not a JSONPath (it must start with '$')";
        }

        try
        {
            _ = Empty.SelectTokens(path).ToList();
            return null;
        }
        catch (JsonException ex)
        {
            return $"'{path}' is not a valid JSONPath ({ex.Message.TrimEnd('.')})";
        }
    }
}
