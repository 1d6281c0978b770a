using System.Xml.XPath;
using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// Paths to data and metadata: JSONPath (RFC 9535, starts with <c>$</c>) for JSON, XPath (starts with <c>/</c>) for XML.
/// </summary>
public static class DataPaths
{
    /// <summary>True when <paramref name="path"/> is written as an XPath rather than a JSONPath.</summary>
    public static bool IsXPath(string path)
    {
        var trimmed = path.TrimStart();
        return trimmed.StartsWith('/') || trimmed.StartsWith('(');
    }

    /// <summary>
    /// Why <paramref name="path"/> is not a usable JSONPath or XPath, or null when it is (blank is fine). Surrounding
    /// whitespace is ignored. Never throws: a JSONPath problem names the position, e.g.
    /// <c>"$[?@.a==" is not a valid JSONPath: position 9: expected a value, a query (@ or $) or a function</c>.
    /// </summary>
    public static string? Problem(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return null;
        }

        var trimmed = path.Trim();
        if (IsXPath(trimmed))
        {
            try
            {
                XPathExpression.Compile(trimmed);
                return null;
            }
            catch (XPathException ex)
            {
                return $"\"{trimmed}\" is not a valid XPath: {ex.Message}";
            }
        }

        if (!trimmed.StartsWith('$'))
        {
            return $"\"{trimmed}\" is neither a JSONPath (starts with $, e.g. $.data[*]) nor an XPath (starts with /, e.g. /response/data/item).";
        }

        try
        {
            _ = JsonPathQuery.Parse(trimmed);
            return null;
        }
        catch (JsonPathException ex)
        {
            return $"\"{trimmed}\" is not a valid JSONPath: position {ex.Position}: {ex.Problem}";
        }
    }

    /// <summary>The parsed JSONPath; throws <see cref="JsonPathException"/> when it is not valid (check with <see cref="Problem"/>).</summary>
    internal static JsonPathQuery Json(string path) => JsonPathQuery.Parse(path.Trim());
}
