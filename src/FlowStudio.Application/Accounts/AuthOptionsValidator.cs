using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Accounts;

/// <summary>Refuses to start with sign-in settings that cannot work, naming the setting.</summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (options.MaxFailedSignIns is < 1 or > 100)
        {
            failures.Add("Auth:MaxFailedSignIns must be between 1 and 100.");
        }

        if (options.LockoutDuration <= TimeSpan.Zero)
        {
            failures.Add("Auth:LockoutDuration must be longer than zero (e.g. 00:15:00).");
        }

        if (options.InvitationLifetime <= TimeSpan.Zero)
        {
            failures.Add("Auth:InvitationLifetime must be longer than zero (e.g. 3.00:00:00).");
        }

        var bootstrap = options.Bootstrap;
        if (bootstrap.IsSet)
        {
            if (string.IsNullOrWhiteSpace(bootstrap.Email) || !bootstrap.Email.Contains('@', StringComparison.Ordinal))
            {
                failures.Add("Auth:Bootstrap:Email must be the owner's email address when any Auth:Bootstrap setting is given.");
            }

            if (string.IsNullOrEmpty(bootstrap.Password) || !AccountPasswords.IsAcceptable(bootstrap.Password))
            {
                failures.Add($"Auth:Bootstrap:Password must have {AccountPasswords.Rule}.");
            }

            if (!string.IsNullOrEmpty(bootstrap.ApiKey)
                && (bootstrap.ApiKey.Length < ApiKeyText.MinimumLength || bootstrap.ApiKey.Any(char.IsWhiteSpace)))
            {
                failures.Add($"Auth:Bootstrap:ApiKey must be at least {ApiKeyText.MinimumLength} characters without spaces (e.g. from `openssl rand -hex 32`).");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
