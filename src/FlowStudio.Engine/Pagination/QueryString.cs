namespace FlowStudio.Engine.Pagination;

/// <summary>Sets one query parameter of a URL, keeping the rest of the URL as written.</summary>
internal static class QueryString
{
    /// <summary><paramref name="url"/> with <paramref name="name"/>=<paramref name="value"/> in place of its earlier value (or added at the end).</summary>
    public static string Set(string url, string name, string value)
    {
        var hash = url.IndexOf('#', StringComparison.Ordinal);
        var fragment = hash >= 0 ? url[hash..] : string.Empty;
        var withoutFragment = hash >= 0 ? url[..hash] : url;
        var question = withoutFragment.IndexOf('?', StringComparison.Ordinal);
        var path = question >= 0 ? withoutFragment[..question] : withoutFragment;
        var query = question >= 0 ? withoutFragment[(question + 1)..] : string.Empty;

        var replacement = Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        var pairs = new List<string>();
        var replaced = false;
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!NameOf(pair).Equals(name, StringComparison.Ordinal))
            {
                pairs.Add(pair);
            }
            else if (!replaced)
            {
                pairs.Add(replacement);
                replaced = true;
            }
        }

        if (!replaced)
        {
            pairs.Add(replacement);
        }

        return path + "?" + string.Join("&", pairs) + fragment;
    }

    /// <summary>The decoded value of <paramref name="name"/> in <paramref name="url"/>, or null.</summary>
    public static string? Get(string url, string name)
    {
        var question = url.IndexOf('?', StringComparison.Ordinal);
        if (question < 0)
        {
            return null;
        }

        var query = url[(question + 1)..].Split('#')[0];
        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (NameOf(pair).Equals(name, StringComparison.Ordinal))
            {
                var equals = pair.IndexOf('=', StringComparison.Ordinal);
                return equals < 0 ? string.Empty : Uri.UnescapeDataString(pair[(equals + 1)..].Replace('+', ' '));
            }
        }

        return null;
    }

    private static string NameOf(string pair)
    {
        var equals = pair.IndexOf('=', StringComparison.Ordinal);
        return Uri.UnescapeDataString((equals < 0 ? pair : pair[..equals]).Replace('+', ' '));
    }
}
