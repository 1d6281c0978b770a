using System.Buffers;
using System.Collections.Concurrent;

namespace FlowStudio.Engine.Http;

/// <summary>Keeps credentials out of everything an <see cref="ApiClient"/> hands back.</summary>
internal static class SecretMask
{
    public const string Mask = "****";

    private static readonly HashSet<string> HiddenHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "Authorization", "Proxy-Authorization", "Set-Cookie",
    };

    public static ApiResponse Apply(ApiResponse response, IReadOnlyList<string> secrets)
    {
        var usable = Usable(secrets);
        if (!Reveals(response, usable))
        {
            return response;
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers)
        {
            if (!HiddenHeaders.Contains(name))
            {
                headers[name] = Hide(value, usable);
            }
        }

        return response with
        {
            Body = Hide(response.Body, usable),
            Headers = headers,
            TransportError = response.TransportError is null ? null : Hide(response.TransportError, usable),
        };
    }

    /// <summary>The secrets worth masking (4 characters or more), each once, longest first so no part of one is left.</summary>
    private static List<string> Usable(IReadOnlyList<string> secrets)
    {
        var usable = new List<string>(secrets.Count);
        foreach (var secret in secrets)
        {
            if (secret.Length >= 4 && !usable.Contains(secret))
            {
                usable.Add(secret);
            }
        }

        usable.Sort(static (a, b) => b.Length.CompareTo(a.Length));
        return usable;
    }

    /// <summary>Whether anything in <paramref name="response"/> needs masking (most responses: nothing, and they are kept as they are).</summary>
    private static bool Reveals(ApiResponse response, List<string> secrets)
    {
        if (secrets.Count == 0)
        {
            return response.Headers.Keys.Any(HiddenHeaders.Contains);
        }

        var (ignoringCase, exact) = Finders(secrets);
        bool Contains(string text) => text.AsSpan().ContainsAny(ignoringCase) || text.AsSpan().ContainsAny(exact);

        foreach (var (name, value) in response.Headers)
        {
            if (HiddenHeaders.Contains(name) || Contains(value))
            {
                return true;
            }
        }

        return Contains(response.Body) || (response.TransportError is { } error && Contains(error));
    }

    // The searches of the credentials in use (building one costs more than scanning a page); a few dozen at most.
    private const int MaxCachedFinders = 64;

    private static readonly ConcurrentDictionary<string, (SearchValues<string> IgnoringCase, SearchValues<string> Exact)> CachedFinders = new(StringComparer.Ordinal);

    private static (SearchValues<string> IgnoringCase, SearchValues<string> Exact) Finders(List<string> secrets)
    {
        var key = string.Join('\0', secrets);
        if (CachedFinders.TryGetValue(key, out var cached))
        {
            return cached;
        }

        if (CachedFinders.Count >= MaxCachedFinders)
        {
            CachedFinders.Clear();
        }

        return CachedFinders[key] = BuildFinders(secrets);
    }

    // One vectorised search for every needle of every secret (a body of a page is scanned once, not once per needle).
    private static (SearchValues<string> IgnoringCase, SearchValues<string> Exact) BuildFinders(List<string> secrets)
    {
        var needles = secrets.SelectMany(Needles).ToList();
        return (
            SearchValues.Create([.. needles.Where(n => n.Comparison == StringComparison.OrdinalIgnoreCase).Select(n => n.Needle)], StringComparison.OrdinalIgnoreCase),
            SearchValues.Create([.. needles.Where(n => n.Comparison == StringComparison.Ordinal).Select(n => n.Needle)], StringComparison.Ordinal));
    }

    /// <summary>
    /// <paramref name="text"/> with every occurrence of a secret replaced by <see cref="Mask"/>: as it is in any letter case,
    /// URL-encoded, JSON <c>\u</c>-escaped, in base64, and any run of 8 or more of its first or last characters (an API
    /// echoing part of a key).
    /// </summary>
    public static string Hide(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in Usable(secrets))
        {
            foreach (var (needle, comparison, kind) in Needles(secret))
            {
                text = kind switch
                {
                    NeedleKind.Prefix => HideRuns(text, secret, needle, fromStart: true),
                    NeedleKind.Suffix => HideRuns(text, secret, needle, fromStart: false),
                    _ => text.Contains(needle, comparison) ? text.Replace(needle, Mask, comparison) : text,
                };
            }
        }

        return text;
    }

    private enum NeedleKind
    {
        Whole,
        Prefix,
        Suffix,
    }

    private const int PartLength = 8;

    private static IEnumerable<(string Needle, StringComparison Comparison, NeedleKind Kind)> Needles(string secret)
    {
        if (secret.Length < 4)
        {
            yield break;
        }

        yield return (secret, StringComparison.OrdinalIgnoreCase, NeedleKind.Whole);
        var escaped = Uri.EscapeDataString(secret);
        if (escaped != secret)
        {
            yield return (escaped, StringComparison.OrdinalIgnoreCase, NeedleKind.Whole);
        }

        yield return (UnicodeEscaped(secret), StringComparison.OrdinalIgnoreCase, NeedleKind.Whole);
        var base64 = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(secret));
        yield return (base64.TrimEnd('='), StringComparison.Ordinal, NeedleKind.Whole);
        yield return (base64.TrimEnd('=').Replace('+', '-').Replace('/', '_'), StringComparison.Ordinal, NeedleKind.Whole);
        if (secret.Length > PartLength)
        {
            yield return (secret[..PartLength], StringComparison.OrdinalIgnoreCase, NeedleKind.Prefix);
            yield return (secret[^PartLength..], StringComparison.OrdinalIgnoreCase, NeedleKind.Suffix);
        }
    }

    private static string UnicodeEscaped(string secret)
    {
        var builder = new System.Text.StringBuilder(secret.Length * 6);
        foreach (var c in secret)
        {
            builder.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
        }

        return builder.ToString();
    }

    // Masks each occurrence of the secret's first (or last) characters, extended over as much of the secret as follows (precedes) it.
    private static string HideRuns(string text, string secret, string part, bool fromStart)
    {
        var at = text.IndexOf(part, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return text;
        }

        var builder = new System.Text.StringBuilder(text.Length);
        var copied = 0;
        while (at >= 0)
        {
            int start;
            int end;
            if (fromStart)
            {
                start = at;
                end = at + part.Length;
                while (end < text.Length && end - start < secret.Length && char.ToUpperInvariant(text[end]) == char.ToUpperInvariant(secret[end - start]))
                {
                    end++;
                }
            }
            else
            {
                end = at + part.Length;
                start = at;
                while (start > copied && end - start < secret.Length
                    && char.ToUpperInvariant(text[start - 1]) == char.ToUpperInvariant(secret[secret.Length - (end - start) - 1]))
                {
                    start--;
                }
            }

            builder.Append(text, copied, start - copied).Append(Mask);
            copied = end;
            at = text.IndexOf(part, copied, StringComparison.OrdinalIgnoreCase);
        }

        builder.Append(text, copied, text.Length - copied);
        return builder.ToString();
    }
}
