using Microsoft.AspNetCore.Identity;

namespace FlowStudio.Application.Accounts;

/// <summary>Where ASP.NET Core Identity keeps the user accounts: the application's database.</summary>
internal static class AccountStores
{
    public static IdentityBuilder AddAccountStores(this IdentityBuilder identity) => identity.AddEntityFrameworkStores<FlowStudioDb>();
}
