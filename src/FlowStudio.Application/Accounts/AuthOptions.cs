namespace FlowStudio.Application.Accounts;

/// <summary>Sign-in settings (section <c>Auth</c>), checked at start.</summary>
internal sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>The owner (and their API key) to create at first start, for unattended set-up. Default: none, the first-run page asks.</summary>
    public BootstrapOptions Bootstrap { get; set; } = new();

    /// <summary>Failed sign-ins in a row that lock a user out. Default 5.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    /// <summary>How long a lockout lasts. Default 15 minutes.</summary>
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long an invitation's set-password link works. Default 3 days.</summary>
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(3);
}
