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
        foreach (var (name, value) in response.Headers)
        {
            if (HiddenHeaders.Contains(name) || Contains(value, secrets))
            {
                return true;
            }
        }

        return Contains(response.Body, secrets) || (response.TransportError is { } error && Contains(error, secrets));
    }

    private static bool Contains(string text, List<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><paramref name="text"/> with every occurrence of a secret replaced by <see cref="Mask"/>.</summary>
    public static string Hide(string text, IReadOnlyList<string> secrets)
    {
        foreach (var secret in secrets)
        {
            if (secret.Length >= 4 && text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
