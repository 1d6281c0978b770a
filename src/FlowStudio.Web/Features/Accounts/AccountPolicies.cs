using Microsoft.AspNetCore.Authorization;

namespace FlowStudio.Web.Features.Accounts;

/// <summary>
/// Who may do what. Every endpoint needs a signed-in user or an API key unless it allows anonymous callers; the role
/// policies add the least role a request needs.
/// </summary>
internal static class AccountPolicies
{
    /// <summary>Editors and owners: build and run.</summary>
    public const string Editor = nameof(Editor);

    /// <summary>Owners only: users, credentials, settings and the audit log.</summary>
    public const string Owner = nameof(Owner);

    /// <summary>Every signed-in user reads; a request that changes something (not GET or HEAD) needs an editor.</summary>
    public const string EditorChanges = nameof(EditorChanges);

    /// <summary>Every signed-in user reads; a request that changes something needs an owner.</summary>
    public const string OwnerChanges = nameof(OwnerChanges);

    public static void Configure(AuthorizationOptions options)
    {
        var signedIn = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
        options.DefaultPolicy = signedIn;
        options.FallbackPolicy = signedIn;
        options.AddPolicy(Editor, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(AccountRole.Editor, ChangesOnly: false)));
        options.AddPolicy(Owner, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(AccountRole.Owner, ChangesOnly: false)));
        options.AddPolicy(EditorChanges, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(AccountRole.Editor, ChangesOnly: true)));
        options.AddPolicy(OwnerChanges, policy => policy.RequireAuthenticatedUser().AddRequirements(new RoleRequirement(AccountRole.Owner, ChangesOnly: true)));
    }
}
