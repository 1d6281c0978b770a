using System.Security.Claims;

namespace FlowStudio.Application.Common;

/// <summary>
/// Who makes the changes of this scope: the screens set the signed-in user on the scope of each change; an API request's
/// user comes from its context. Without either (the engine, the first version of an older resource) it is "system".
/// </summary>
internal sealed class ChangeActor(IHttpContextAccessor http)
{
    public const string System = "system";

    public ClaimsPrincipal? User { get; set; }

    public string Name => (User ?? http.HttpContext?.User)?.Email() ?? System;
}
