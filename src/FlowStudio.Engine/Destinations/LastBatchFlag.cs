using System.Text.RegularExpressions;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Clari's initial (Full, Replace) loads across several calls: the load is one data set, and <c>isLastBatch=true</c> closes
/// it, after which Clari refuses more initial calls. A destination whose URL sends <c>mode=initial&amp;isLastBatch=true</c>
/// therefore sends every call of a run but the last with <c>isLastBatch=false</c>, in order, and the last as written.
/// </summary>
public static partial class LastBatchFlag
{
    /// <summary>True when <paramref name="url"/> asks for an initial load that its call closes.</summary>
    public static bool ClosesLoad(string? url) =>
        url is not null && InitialMode().IsMatch(url) && LastBatchTrue().IsMatch(url);

    /// <summary><paramref name="url"/> with <c>isLastBatch=false</c>: a call in the middle of the load.</summary>
    public static string Intermediate(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return LastBatchTrue().Replace(url, m => m.Groups["name"].Value + "=false");
    }

    [GeneratedRegex(@"[?&]mode=initial(?:&|#|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InitialMode();

    [GeneratedRegex(@"(?<=[?&])(?<name>isLastBatch)=true(?=&|#|$)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LastBatchTrue();
}
