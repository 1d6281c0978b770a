using System.Globalization;
using System.Text;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>Writes the parts of a Normalized Path (RFC 9535 §2.7): <c>['name']</c> with the RFC's escapes, and <c>[index]</c>.</summary>
internal static class NormalizedPaths
{
    /// <summary>A name selector in single quotes that every RFC 9535 parser reads back as <paramref name="name"/>.</summary>
    public static string Name(string name)
    {
        var builder = new StringBuilder(name.Length + 4).Append("['");
        AppendEscaped(builder, name);
        return builder.Append("']").ToString();
    }

    /// <summary>An index selector, e.g. <c>[3]</c>.</summary>
    public static string Index(long index) => "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public static void AppendEscaped(StringBuilder builder, string name)
    {
        foreach (var c in name)
        {
            _ = c switch
            {
                '\b' => builder.Append("\\b"),
                '\f' => builder.Append("\\f"),
                '\n' => builder.Append("\\n"),
                '\r' => builder.Append("\\r"),
                '\t' => builder.Append("\\t"),
                '\'' => builder.Append("\\'"),
                '\\' => builder.Append("\\\\"),
                < ' ' => builder.Append("\\u00").Append(((int)c).ToString("x2", CultureInfo.InvariantCulture)),
                _ => builder.Append(c),
            };
        }
    }
}
