using System.Globalization;

namespace FlowStudio.Application.Common;

/// <summary>API answers shown to users are bounded: test results carry at most an excerpt of a body.</summary>
internal static class Excerpt
{
    /// <summary>The most characters of a response body a test result shows (16 KiB).</summary>
    public const int MaxChars = 16 * 1024;

    public static string Of(string? text, int max = MaxChars)
    {
        if (string.IsNullOrEmpty(text) || text.Length <= max)
        {
            return text ?? string.Empty;
        }

        return text[..max] + string.Create(CultureInfo.InvariantCulture, $"… ({text.Length - max:N0} more characters not shown)");
    }
}
