namespace FlowStudio.Application.Accounts;

internal enum UserStatus
{
    /// <summary>Invited: has not set a password on their link yet.</summary>
    Invited,

    Active,

    /// <summary>Too many failed sign-ins; signs in again once the lockout ends.</summary>
    LockedOut,
}
