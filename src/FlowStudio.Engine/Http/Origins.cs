namespace FlowStudio.Engine.Http;

/// <summary>Web origins (scheme, host, port), as credentials are bound to them.</summary>
public static class Origins
{
    /// <summary>True when both URLs have the same scheme, host and port.</summary>
    public static bool Same(Uri a, Uri b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.IsAbsoluteUri && b.IsAbsoluteUri
            && string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
            && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
            && a.Port == b.Port;
    }

    /// <summary>"https://api.example.com" or "http://127.0.0.1:5000": the origin of <paramref name="url"/> as text.</summary>
    public static string Of(Uri url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return url.GetLeftPart(UriPartial.Authority);
    }
}
