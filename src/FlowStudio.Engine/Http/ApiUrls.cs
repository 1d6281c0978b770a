namespace FlowStudio.Engine.Http;

/// <summary>Joins request paths to connection base URLs.</summary>
public static class ApiUrls
{
    /// <summary>True when <paramref name="url"/> is an absolute http or https URL.</summary>
    public static bool IsAbsoluteHttp(string url) =>
        // A path ("/v2/...") is never one; checking that first spares parsing it (on Unix it would parse as a file URI).
        !url.StartsWith('/')
        && Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    /// <summary>
    /// <paramref name="url"/> itself when absolute, else <paramref name="baseUrl"/> and the path joined with exactly one
    /// slash (a plain string join: the base's own path is kept).
    /// </summary>
    public static string Resolve(Uri baseUrl, string url)
    {
        if (IsAbsoluteHttp(url))
        {
            return url;
        }

        return baseUrl.AbsoluteUri.TrimEnd('/') + "/" + url.TrimStart('/');
    }
}
