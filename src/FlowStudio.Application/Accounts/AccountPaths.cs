namespace FlowStudio.Application.Accounts;

/// <summary>The account pages' addresses.</summary>
internal static class AccountPaths
{
    public const string SignIn = "/account/sign-in";
    public const string SignOut = "/account/sign-out";
    public const string FirstRun = "/account/setup";
    public const string SetPassword = "/account/set-password";
    public const string AccessDenied = "/account/access-denied";
    public const string Users = "/users";
    public const string ApiKeys = "/api-keys";
    public const string Audit = "/audit";
}
