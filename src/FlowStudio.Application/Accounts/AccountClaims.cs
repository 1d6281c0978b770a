using System.Security.Claims;

namespace FlowStudio.Application.Accounts;

/// <summary>What the signed-in principal (cookie or API key) says about its user.</summary>
internal static class AccountClaims
{
    public const string ApiKeyId = "flowstudio:api_key_id";
    public const string ApiKeyName = "flowstudio:api_key_name";

    public static AccountRole? Role(this ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true
        && Enum.TryParse<AccountRole>(user.FindFirstValue(ClaimTypes.Role), ignoreCase: false, out var role)
        && Enum.IsDefined(role)
            ? role
            : null;

    public static bool IsAtLeast(this ClaimsPrincipal user, AccountRole role) => user.Role() is { } actual && actual >= role;

    public static string? UserId(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier);

    public static string? Email(this ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name;
}
