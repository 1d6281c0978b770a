namespace FlowStudio.Application.Accounts;

/// <summary><c>Auth:Bootstrap:*</c>: when no user exists at start, create this owner, and this API key for them.</summary>
internal sealed class BootstrapOptions
{
    public string? Email { get; set; }

    /// <summary>Must follow the password rules (<see cref="AccountPasswords.Rule"/>).</summary>
    public string? Password { get; set; }

    /// <summary>Optional; used exactly as given (at least <see cref="ApiKeyText.MinimumLength"/> characters), e.g. for CI.</summary>
    public string? ApiKey { get; set; }

    public bool IsSet => !string.IsNullOrEmpty(Email) || !string.IsNullOrEmpty(Password) || !string.IsNullOrEmpty(ApiKey);
}
