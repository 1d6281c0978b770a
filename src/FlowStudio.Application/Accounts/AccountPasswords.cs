using Microsoft.AspNetCore.Identity;

namespace FlowStudio.Application.Accounts;

/// <summary>The password rules: at least 10 characters with an uppercase letter, a lowercase letter and a digit.</summary>
internal static class AccountPasswords
{
    public const int MinimumLength = 10;

    public const string Rule = "at least 10 characters, with an uppercase letter, a lowercase letter and a digit";

    public static void Apply(PasswordOptions options)
    {
        options.RequiredLength = MinimumLength;
        options.RequireDigit = true;
        options.RequireLowercase = true;
        options.RequireUppercase = true;
        options.RequireNonAlphanumeric = false;
        options.RequiredUniqueChars = 1;
    }

    /// <summary>True when <paramref name="password"/> follows <see cref="Rule"/> (checked before Identity is running, for the bootstrap setting).</summary>
    public static bool IsAcceptable(string password) =>
        password.Length >= MinimumLength && password.Any(char.IsAsciiDigit) && password.Any(char.IsAsciiLetterLower) && password.Any(char.IsAsciiLetterUpper);
}
