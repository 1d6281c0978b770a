using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Templates;

/// <summary>Checks JSONPath expressions with the same RFC 9535 parser that later evaluates them.</summary>
internal static class JsonPathSyntax
{
    /// <summary>Null when <paramref name="path"/> is a valid JSONPath starting at the root (<c>$</c>), else why not.</summary>
    public static string? Problem(string path)
    {
        if (!path.StartsWith('$'))
        {
            return $"'{path}' is not a JSONPath (it must start with '$')";
        }

        try
        {
            _ = JsonPathQuery.Parse(path);
            return null;
        }
        catch (JsonPathException ex)
        {
            return $"'{path}' is not a valid JSONPath (position {ex.Position}: {ex.Problem})";
        }
    }
}
