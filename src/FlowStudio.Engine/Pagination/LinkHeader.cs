using System.Text.RegularExpressions;

namespace FlowStudio.Engine.Pagination;

/// <summary>Reads the <c>rel="next"</c> target of an RFC 8288 (formerly RFC 5988) <c>Link</c> header.</summary>
internal static partial class LinkHeader
{
    public static string? Next(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        foreach (Match link in LinkValue().Matches(header))
        {
            var parameters = link.Groups["params"].Value;
            foreach (Match rel in RelParameter().Matches(parameters))
            {
                var values = (rel.Groups["quoted"].Success ? rel.Groups["quoted"].Value : rel.Groups["bare"].Value)
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (values.Any(v => v.Equals("next", StringComparison.OrdinalIgnoreCase)))
                {
                    return link.Groups["target"].Value.Trim();
                }
            }
        }

        return null;
    }

    [GeneratedRegex(@"<(?<target>[^>]*)>(?<params>[^,<]*(?:""[^""]*""[^,<]*)*)", RegexOptions.CultureInvariant)]
    private static partial Regex LinkValue();

    [GeneratedRegex(@";\s*rel\s*=\s*(?:""(?<quoted>[^""]*)""|(?<bare>[^;,\s]+))", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RelParameter();
}
