using System.Collections.Frozen;

namespace FlowStudio.Application.Data;

/// <summary>
/// The words statuses and kinds are stored as, shown in the API and accepted in query strings: the member's name in
/// lower case ("active", "succeeded", "inflight").
/// </summary>
internal static class StoredWords
{
    public static string ToWord<TEnum>(this TEnum value) where TEnum : struct, Enum => Words<TEnum>.ByValue[value];

    /// <summary>The member named by <paramref name="word"/> (in any case); false for any other word.</summary>
    public static bool TryParse<TEnum>(string? word, out TEnum value) where TEnum : struct, Enum =>
        Words<TEnum>.ByWord.TryGetValue(word ?? "", out value);

    /// <summary>The member a stored <paramref name="word"/> names; a word no version wrote is an error.</summary>
    public static TEnum Parse<TEnum>(string word) where TEnum : struct, Enum =>
        TryParse<TEnum>(word, out var value) ? value : throw new InvalidOperationException($"“{word}” is not a stored {typeof(TEnum).Name} word.");

    /// <summary>"running, succeeded, failed or cancelled".</summary>
    public static string Choices<TEnum>() where TEnum : struct, Enum =>
        string.Join(", ", Words<TEnum>.InOrder[..^1]) + " or " + Words<TEnum>.InOrder[^1];

    private static class Words<TEnum> where TEnum : struct, Enum
    {
        public static readonly string[] InOrder = [.. Enum.GetValues<TEnum>().Select(v => v.ToString().ToLowerInvariant())];

        public static readonly FrozenDictionary<TEnum, string> ByValue =
            Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => v.ToString().ToLowerInvariant());

        public static readonly FrozenDictionary<string, TEnum> ByWord =
            ByValue.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.OrdinalIgnoreCase);
    }
}
