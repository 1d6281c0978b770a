
namespace FlowStudio.Application.Accounts;

/// <summary>A user as the Users page and <c>GET /api/users</c> show them.</summary>
internal sealed record UserView(string Id, string Email, AccountRole Role, UserStatus Status, DateTime CreatedAt);

/// <summary>A new user and the one-time link on which they set their password (there is no mail server: the owner passes it on).</summary>
internal sealed record Invitation(UserView User, string SetPasswordUrl);

internal sealed record InviteUserRequest(string? Email, string? Role);

internal sealed record ChangeRoleRequest(string? Role);
