using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace FlowStudio.Engine.Paths.JsonPath.Regexp;

/// <summary>
/// Matches text against I-Regexp patterns (RFC 9485), as JSONPath's match() and search() need. Patterns are translated
/// once and cached; .NET's non-backtracking engine plus a timeout keeps a hostile pattern or input from hanging a run.
/// </summary>
internal static class IRegexp
{
    /// <summary>The most time one match may take; past it the match counts as failed.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(250);

    private const int CacheSize = 256;

    private static readonly ConcurrentDictionary<(string Pattern, bool Full), Regex?> Cache = new();

    /// <summary>True when <paramref name="pattern"/> is a valid I-Regexp.</summary>
    public static bool IsValid(string pattern) => IRegexpTranslator.Translate(pattern) is not null;

    /// <summary>
    /// True when <paramref name="text"/> matches: all of it when <paramref name="fullMatch"/>, else some substring.
    /// False for an invalid pattern or a match that runs out of time.
    /// </summary>
    public static bool IsMatch(string pattern, string text, bool fullMatch)
    {
        if (Compile(pattern, fullMatch) is not { } regex)
        {
            return false;
        }

        try
        {
            return regex.IsMatch(text);
        }
        catch (RegexMatchTimeoutException)
        {
            return false;
        }
    }

    private static Regex? Compile(string pattern, bool fullMatch)
    {
        if (Cache.TryGetValue((pattern, fullMatch), out var cached))
        {
            return cached;
        }

        if (Cache.Count >= CacheSize)
        {
            Cache.Clear();
        }

        Regex? regex = null;
        if (IRegexpTranslator.Translate(pattern) is { } translated)
        {
            try
            {
                regex = new Regex(fullMatch ? @"\A(?:" + translated + @")\z" : translated,
                    RegexOptions.CultureInvariant | RegexOptions.NonBacktracking, Timeout);
            }
            catch (Exception ex) when (ex is ArgumentException or NotSupportedException or OverflowException)
            {
                regex = null;
            }
        }

        return Cache[(pattern, fullMatch)] = regex;
    }
}
