using System.Diagnostics.CodeAnalysis;

namespace FlowStudio.Web.Infrastructure;

/// <summary>Query-string filters that name a status or outcome by its stored word (<c>?status=failed</c>).</summary>
internal static class QueryWords
{
    /// <summary>
    /// The member <paramref name="word"/> names (null when the parameter is absent or empty), or a 400 problem that names
    /// <paramref name="parameter"/> and the words it takes.
    /// </summary>
    public static bool TryRead<TEnum>(string parameter, string? word, out TEnum? value, [NotNullWhen(false)] out IResult? problem)
        where TEnum : struct, Enum
    {
        value = null;
        problem = null;
        if (string.IsNullOrEmpty(word))
        {
            return true;
        }

        if (StoredWords.TryParse<TEnum>(word, out var named))
        {
            value = named;
            return true;
        }

        problem = ApiProblems.Invalid(parameter, $"Use {StoredWords.Choices<TEnum>()} (not “{word}”).");
        return false;
    }
}
