using FlowStudio.Engine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Accounts;

/// <summary>Users: the first owner, invitations, roles and removal. Shared by the Users page and <c>/api/users</c>.</summary>
internal sealed class UserService(UserManager<UserAccount> users, FlowStudioDb db, FirstRun firstRun, TimeProvider time)
{
    public async Task<IReadOnlyList<UserView>> ListAsync(CancellationToken cancellationToken)
    {
        var all = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ToListAsync(cancellationToken);
        return all.Select(ToView).ToList();
    }

    public async Task<UserView?> GetAsync(string id, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is { } user ? ToView(user) : null;

    /// <summary>The first user, an owner, from the first-run page or the bootstrap settings; refused once any user exists.</summary>
    public async Task<(UserAccount? Owner, IReadOnlyList<FieldError> Errors)> CreateFirstOwnerAsync(string? email, string? password, CancellationToken cancellationToken)
    {
        await firstRun.Gate.WaitAsync(cancellationToken);
        try
        {
            if (await db.Users.AnyAsync(cancellationToken))
            {
                return (null, [new FieldError("email", "The owner already exists: sign in instead.")]);
            }

            // Both fields are checked before anything is made, so the form shows every problem at once.
            var problems = new List<FieldError>();
            if ((await EmailProblemAsync(email)).Error is { } emailProblem)
            {
                problems.Add(emailProblem);
            }

            if (!AccountPasswords.IsAcceptable(password ?? ""))
            {
                problems.Add(new FieldError("password", $"Use {AccountPasswords.Rule}."));
            }

            if (problems.Count > 0)
            {
                return (null, problems);
            }

            var (owner, errors, _) = await CreateAsync(email, AccountRole.Owner);
            if (owner is null)
            {
                return (null, errors);
            }

            var added = await users.AddPasswordAsync(owner, password ?? "");
            if (!added.Succeeded)
            {
                await users.DeleteAsync(owner);
                return (null, PasswordErrors(added));
            }

            return (owner, []);
        }
        finally
        {
            firstRun.Gate.Release();
        }
    }

    /// <summary>A new user without a password, and the one-time link (relative) on which they set it; <c>EmailTaken</c> when the email has an account.</summary>
    public async Task<(Invitation? Invitation, IReadOnlyList<FieldError> Errors, bool EmailTaken)> InviteAsync(InviteUserRequest request)
    {
        if (ParseRole(request.Role) is not { } role)
        {
            return (null, [RoleError], false);
        }

        var (user, errors, taken) = await CreateAsync(request.Email, role);
        if (user is null)
        {
            return (null, errors, taken);
        }

        var token = await users.GeneratePasswordResetTokenAsync(user);
        var link = $"{AccountPaths.SetPassword}?userId={Uri.EscapeDataString(user.Id)}&token={Uri.EscapeDataString(token)}";
        return (new Invitation(ToView(user), link), [], false);
    }

    /// <summary>Sets an invited user's password with the token from their link; the link works once.</summary>
    public async Task<IReadOnlyList<FieldError>> SetPasswordAsync(string? userId, string? token, string? password)
    {
        var user = userId is null ? null : await users.FindByIdAsync(userId);
        if (user is null || string.IsNullOrEmpty(token))
        {
            return [new FieldError("token", "This link is not valid. Ask an owner for a new invitation.")];
        }

        var reset = await users.ResetPasswordAsync(user, token, password ?? "");
        if (reset.Succeeded)
        {
            return [];
        }

        return reset.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken))
            ? [new FieldError("token", "This link has expired or was already used. Ask an owner for a new invitation.")]
            : PasswordErrors(reset);
    }

    public async Task<(UserView? User, IReadOnlyList<FieldError> Errors, bool LastOwner)> ChangeRoleAsync(string id, string? role, CancellationToken cancellationToken)
    {
        if (ParseRole(role) is not { } newRole)
        {
            return (null, [RoleError], false);
        }

        if (await users.FindByIdAsync(id) is not { } user)
        {
            return (null, [], false);
        }

        if (user.Role == AccountRole.Owner && newRole != AccountRole.Owner && await IsLastOwnerAsync(cancellationToken))
        {
            return (null, [new FieldError("role", "This is the last owner: make another user an owner first.")], true);
        }

        user.Role = newRole;
        // A new security stamp: signed-in sessions pick the role up at their next check (within a minute); API keys at once.
        await users.UpdateSecurityStampAsync(user);
        return (ToView(user), [], false);
    }

    public async Task<UserRemoval> RemoveAsync(string id, CancellationToken cancellationToken)
    {
        if (await users.FindByIdAsync(id) is not { } user)
        {
            return UserRemoval.NotFound;
        }

        if (user.Role == AccountRole.Owner && await IsLastOwnerAsync(cancellationToken))
        {
            return UserRemoval.LastOwner;
        }

        // Their API keys go with them (cascade); the audit log keeps their email.
        await users.DeleteAsync(user);
        return UserRemoval.Removed;
    }

    private async Task<(UserAccount? User, IReadOnlyList<FieldError> Errors, bool EmailTaken)> CreateAsync(string? email, AccountRole role)
    {
        if (await EmailProblemAsync(email) is ({ } problem, var taken))
        {
            return (null, [problem], taken);
        }

        email = email!.Trim();
        var user = new UserAccount { UserName = email, Email = email, Role = role, CreatedAt = time.GetUtcNow().UtcDateTime };
        var created = await users.CreateAsync(user);
        return created.Succeeded ? (user, [], false) : (null, created.Errors.Select(e => new FieldError("email", e.Description)).ToList(), false);
    }

    /// <summary>What is wrong with <paramref name="email"/> for a new account, if anything; <c>Taken</c> when it has one already.</summary>
    private async Task<(FieldError? Error, bool Taken)> EmailProblemAsync(string? email)
    {
        email = email?.Trim();
        if (string.IsNullOrEmpty(email) || !email.Contains('@', StringComparison.Ordinal) || email.Length > 256)
        {
            return (new FieldError("email", "Enter an email address, e.g. ada@example.com."), false);
        }

        return await users.FindByEmailAsync(email) is not null ? (new FieldError("email", $"{email} already has an account."), true) : (null, false);
    }

    private async Task<bool> IsLastOwnerAsync(CancellationToken cancellationToken) =>
        await db.Users.CountAsync(u => u.Role == AccountRole.Owner, cancellationToken) <= 1;

    private UserView ToView(UserAccount user) => new(
        user.Id,
        user.Email ?? "",
        user.Role,
        user.PasswordHash is null ? UserStatus.Invited
            : user.LockoutEnd is { } end && end > time.GetUtcNow() ? UserStatus.LockedOut
            : UserStatus.Active,
        user.CreatedAt);

    private static AccountRole? ParseRole(string? role) =>
        Enum.TryParse<AccountRole>(role, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(role, out _) ? parsed : null;

    private static FieldError RoleError => new("role", "Choose the role: viewer (reads), editor (builds and runs) or owner (also manages users and credentials).");

    private static List<FieldError> PasswordErrors(IdentityResult result) =>
        result.Errors.Select(e => new FieldError("password", e.Description)).ToList();
}
