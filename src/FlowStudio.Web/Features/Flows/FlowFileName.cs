namespace FlowStudio.Web.Features.Flows;

/// <summary>The file an exported flow is saved as: <c>flow-{source name}.json</c>, the name reduced to letters, digits and dashes.</summary>
internal static class FlowFileName
{
    public static string Of(string? sourceName)
    {
        var slug = new string([.. (sourceName ?? "").Trim().ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-')]).Trim('-');
        while (slug.Contains("--", StringComparison.Ordinal))
        {
            slug = slug.Replace("--", "-", StringComparison.Ordinal);
        }

        return $"flow-{(slug.Length == 0 ? "export" : slug)}.json";
    }
}
