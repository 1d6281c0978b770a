using System.Xml.XPath;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths;

/// <summary>Paths to data and metadata: JSONPath (starts with <c>$</c>) for JSON, XPath (starts with <c>/</c>) for XML.</summary>
public static class DataPaths
{
    /// <summary>True when <paramref name="path"/> is written as an XPath rather than a JSONPath.</summary>
    public static bool IsXPath(string path)
    {
        var trimmed = path.TrimStart();
        return trimmed.StartsWith('/') || trimmed.StartsWith('(');
    }

    /// <summary>Why <paramref name="path"/> is not a usable JSONPath or XPath, or null when it is (blank is fine).</summary>
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
            _ = new JObject().SelectTokens(trimmed).ToList();
            _ = new JArray(new JObject()).SelectTokens(trimmed).ToList();
            return null;
        }
        catch (JsonException ex)
        {
            return $"\"{trimmed}\" is not a valid JSONPath: {ex.Message}";
        }
    }
}
