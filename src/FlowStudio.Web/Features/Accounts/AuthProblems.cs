namespace FlowStudio.Web.Features.Accounts;

/// <summary>The 401 and 403 problem documents machine callers (the API, the mounted sandbox's controls) get instead of a sign-in page.</summary>
internal static class AuthProblems
{
    public static Task UnauthorizedAsync(HttpContext context, string? detail = null) =>
        WriteAsync(context, StatusCodes.Status401Unauthorized, "Sign-in required.",
            detail ?? "Send an API key as \"Authorization: Bearer <key>\" (make one on the API keys page), or sign in.");

    public static Task ForbiddenAsync(HttpContext context) =>
        WriteAsync(context, StatusCodes.Status403Forbidden, "Not allowed for your role.",
            $"Your role ({context.User.Role()?.ToString() ?? "none"}) may not do this: viewers read, editors build and run, owners also manage users, credentials and settings.");

    private static async Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.StatusCode = status;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = { Status = status, Title = title, Detail = detail },
        });
    }
}
