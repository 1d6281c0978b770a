using Microsoft.AspNetCore.Identity;

namespace FlowStudio.Application.Data;

/// <summary>A person who signs in (an ASP.NET Core Identity user) with their one FlowStudio role.</summary>
internal sealed class UserAccount : IdentityUser
{
    public AccountRole Role { get; set; }

    public DateTime CreatedAt { get; init; }
}
