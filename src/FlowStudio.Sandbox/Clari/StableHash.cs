namespace FlowStudio.Sandbox.Clari;

/// <summary>FNV-1a over text: the same seed values in every process (string.GetHashCode is randomized).</summary>
internal static class StableHash
{
    public static uint Of(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return hash;
    }

    /// <summary>A fraction in [0, 1) derived from <paramref name="text"/>.</summary>
    public static double Fraction(string text) => Of(text) / 4294967296.0;

    /// <summary>32 hex characters derived from <paramref name="text"/>, for ids such as activityId.</summary>
    public static string Hex32(string text) =>
        $"{Of(text):x8}{Of(text + "#1"):x8}{Of(text + "#2"):x8}{Of(text + "#3"):x8}";

    /// <summary>A UUID-formatted string derived from <paramref name="text"/>.</summary>
    public static string Uuid(string text)
    {
        var hex = Hex32(text);
        return $"{hex[..8]}-{hex[8..12]}-4{hex[13..16]}-a{hex[17..20]}-{hex[20..]}";
    }
}
