using System.Globalization;
using FlowStudio.Engine;

namespace FlowStudio.Application.Common;

/// <summary>The documented maximum sizes of what users type or send (README, Security); past them input is refused naming the field.</summary>
internal static class InputLimits
{
    public const int Name = 200;
    public const int Url = 4_096;
    public const int Path = 1_024;
    public const int HeadersTotal = 16_384;
    public const int RequestBody = 65_536;
    public const int Script = 65_536;
    public const int CredentialField = 4_096;
    public const int Parameter = 4_096;
    public const int PayloadEdit = 1_048_576;
    public const int LookupRows = 100_000;

    /// <summary>The most bytes an /api request body may have (webhook intake: <see cref="WebhookBodyBytes"/>).</summary>
    public const long ApiBodyBytes = 4L * 1024 * 1024;

    public const long WebhookBodyBytes = 10L * 1024 * 1024;

    /// <summary>A field error when <paramref name="value"/> is longer than <paramref name="max"/> characters.</summary>
    public static FieldError? Check(string field, string? value, int max) =>
        value is not null && value.Length > max
            ? new FieldError(field, string.Create(CultureInfo.InvariantCulture, $"Use at most {max:N0} characters (this has {value.Length:N0})."))
            : null;

    /// <summary>Adds the errors of every (field, value, max) that is too long; a name must not hold control characters either.</summary>
    public static void AddTo(List<FieldError> errors, params (string Field, string? Value, int Max)[] fields)
    {
        foreach (var (field, value, max) in fields)
        {
            if ((Check(field, value, max) ?? (max == Name ? ControlCharacters(field, value) : null)) is { } error)
            {
                errors.Add(error);
            }
        }
    }

    /// <summary>
    /// A field error when a name holds a line break, NUL or another control character, or a bidirectional override that
    /// would show it reversed (U+202A to U+202E, U+2066 to U+2069).
    /// </summary>
    public static FieldError? ControlCharacters(string field, string? value) =>
        value is not null && value.Any(c => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069')
            ? new FieldError(field, "Remove the line breaks, tabs and other control characters.")
            : null;

    /// <summary>The total characters of a header dictionary's names and values.</summary>
    public static string? Flatten(IReadOnlyDictionary<string, string>? headers) =>
        headers is null ? null : string.Concat(headers.Select(h => h.Key + h.Value));
}
