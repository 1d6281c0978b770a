using System.Text.RegularExpressions;
using System.Xml;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Paths.JsonPath;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Sources;

/// <summary>
/// Suggests paths to data from a sample response, best first: for JSON every array of objects as an RFC 9535 <c>$.path[*]</c>
/// (names that are not plain words in quotes, <c>$['the items'][*]</c>)
/// (<c>$</c> for a top-level array), fewest wildcards and most elements first; for XML the XPaths of repeated elements.
/// </summary>
public static partial class PathSuggester
{
    private const int MaxDepth = 8;
    private const int ElementsInspected = 50;
    private const int MaxSuggestions = 10;

    /// <summary>Suggestions for <paramref name="responseBody"/>; empty when it is neither JSON nor XML.</summary>
    public static IReadOnlyList<string> Suggest(string responseBody)
    {
        object? document;
        try
        {
            document = ResponseExtractor.Parse(responseBody);
        }
        catch (ResponseFormatException)
        {
            return [];
        }

        return document switch
        {
            JToken json => SuggestJson(json),
            XmlDocument xml => SuggestXml(xml),
            _ => [],
        };
    }

    private static List<string> SuggestJson(JToken root)
    {
        var found = new Dictionary<string, (int Count, int Wildcards)>(StringComparer.Ordinal);
        Walk(root, "$", 0, 0, found);
        var ranked = found.OrderBy(f => f.Value.Wildcards).ThenByDescending(f => f.Value.Count).ThenBy(f => f.Key.Length)
            .Select(f => f.Key).Take(MaxSuggestions).ToList();
        if (root is JObject && !ranked.Contains("$"))
        {
            ranked.Add("$");
        }

        return ranked;
    }

    private static void Walk(JToken token, string path, int depth, int wildcards, Dictionary<string, (int Count, int Wildcards)> found)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        if (token is JArray array)
        {
            var objects = array.OfType<JObject>().ToList();
            if (objects.Count == 0)
            {
                return;
            }

            var suggestion = path == "$" ? "$" : path + "[*]";
            found[suggestion] = (found.GetValueOrDefault(suggestion).Count + objects.Count, wildcards);
            foreach (var element in objects.Take(ElementsInspected))
            {
                Walk(element, path + "[*]", depth + 1, wildcards + 1, found);
            }
        }
        else if (token is JObject obj)
        {
            foreach (var property in obj.Properties())
            {
                Walk(property.Value, path + Segment(property.Name), depth + 1, wildcards, found);
            }
        }
    }

    private static string Segment(string name) => PlainName().IsMatch(name) ? "." + name : NormalizedPaths.Name(name);

    private static List<string> SuggestXml(XmlDocument document)
    {
        var found = new Dictionary<string, (int Count, bool Repeated, int Depth)>(StringComparer.Ordinal);
        if (document.DocumentElement is { } root)
        {
            WalkXml(root, "/" + root.LocalName, 0, found);
        }

        return [.. found.Where(f => f.Value.Repeated || f.Value.Depth > 0)
            .OrderByDescending(f => f.Value.Repeated).ThenByDescending(f => f.Value.Count).ThenBy(f => f.Value.Depth)
            .Select(f => f.Key).Take(MaxSuggestions)
            .Append("/" + document.DocumentElement?.LocalName).Distinct()];
    }

    private static void WalkXml(XmlElement element, string path, int depth, Dictionary<string, (int Count, bool Repeated, int Depth)> found)
    {
        if (depth > MaxDepth)
        {
            return;
        }

        foreach (var group in element.ChildNodes.OfType<XmlElement>().GroupBy(e => e.LocalName, StringComparer.Ordinal))
        {
            var childPath = path + "/" + group.Key;
            var recordLike = group.Any(e => e.HasChildNodes && e.ChildNodes.OfType<XmlElement>().Any() || e.HasAttributes);
            var count = group.Count();
            if (recordLike)
            {
                var earlier = found.GetValueOrDefault(childPath);
                found[childPath] = (earlier.Count + count, earlier.Repeated || count > 1, depth + 1);
            }

            foreach (var child in group.Take(ElementsInspected))
            {
                WalkXml(child, childPath, depth + 1, found);
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainName();
}
