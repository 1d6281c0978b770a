using System.Xml;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// Turns XML elements into JSON: attributes and child elements become properties (repeated children an array),
/// text-only elements strings; text next to child elements goes in "#text". Values stay text, as XML has no types.
/// </summary>
public static class XmlJson
{
    /// <summary>The deepest element nesting a response may have (as for JSON): deeper XML is refused, never recursed into.</summary>
    public const int MaxDepth = 128;

    /// <summary>
    /// Parses XML safely (no DTDs, no external entities, at most <see cref="MaxDepth"/> levels); throws
    /// <see cref="XmlException"/> otherwise.
    /// </summary>
    public static XmlDocument Load(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using (var scan = XmlReader.Create(new StringReader(xml), settings))
        {
            while (scan.Read())
            {
                if (scan.Depth > MaxDepth)
                {
                    throw new XmlException($"The XML is nested deeper than {MaxDepth} levels (line {((IXmlLineInfo)scan).LineNumber}).");
                }
            }
        }

        using var reader = XmlReader.Create(new StringReader(xml), settings);
        var document = new XmlDocument { XmlResolver = null };
        document.Load(reader);
        return document;
    }

    /// <summary>One record for a selected node: an element's properties, or <c>{name: text}</c> for a leaf.</summary>
    internal static JObject ToRecord(XmlNode node) => node switch
    {
        XmlElement element when IsLeaf(element) => new JObject { [element.LocalName] = element.InnerText },
        XmlElement element => ToObject(element),
        XmlDocument document when document.DocumentElement is { } root => ToRecord(root),
        _ => new JObject { [node.LocalName] = node.Value ?? node.InnerText },
    };

    /// <summary>The JSON value of one element.</summary>
    internal static JToken ToValue(XmlElement element) => IsLeaf(element) ? new JValue(element.InnerText) : ToObject(element);

    private static JObject ToObject(XmlElement element)
    {
        var result = new JObject();
        var children = element.ChildNodes.OfType<XmlElement>().GroupBy(e => e.LocalName, StringComparer.Ordinal);
        foreach (var group in children)
        {
            var values = group.Select(ToValue).ToList();
            result[group.Key] = values.Count == 1 ? values[0] : new JArray(values);
        }

        foreach (var attribute in element.Attributes.OfType<XmlAttribute>().Where(a => a.Prefix != "xmlns" && a.Name != "xmlns"))
        {
            var name = result.ContainsKey(attribute.LocalName) ? "@" + attribute.LocalName : attribute.LocalName;
            result[name] = attribute.Value;
        }

        var text = string.Concat(element.ChildNodes.OfType<XmlNode>().Where(n => n is XmlText or XmlCDataSection).Select(n => n.Value)).Trim();
        if (text.Length > 0)
        {
            result["#text"] = text;
        }

        return result;
    }

    private static bool IsLeaf(XmlElement element) =>
        !element.ChildNodes.OfType<XmlElement>().Any()
        && !element.Attributes.OfType<XmlAttribute>().Any(a => a.Prefix != "xmlns" && a.Name != "xmlns");
}
