using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace FlowStudio.Web.Features.Accounts;

internal static class AccountsExtensions
{
    private const string DefaultScheme = "FlowStudio";

    /// <summary>
    /// Identity on the app's database (users with one role, lockout, invitation tokens), the sign-in cookie, API keys
    /// (<c>Authorization: Bearer</c>), the role policies and the audit log.
    /// </summary>
    public static void AddAccounts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<AuthOptions>().Bind(builder.Configuration.GetSection(AuthOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<AuthOptions>, AuthOptionsValidator>();
        services.AddIdentityCore<UserAccount>()
            .AddAccountStores()
            .AddSignInManager()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<UserAccountClaimsFactory>();
        services.AddOptions<IdentityOptions>().Configure<IOptions<AuthOptions>>((identity, auth) =>
        {
            AccountPasswords.Apply(identity.Password);
            identity.User.RequireUniqueEmail = true;
            identity.Lockout.AllowedForNewUsers = true;
            identity.Lockout.MaxFailedAccessAttempts = auth.Value.MaxFailedSignIns;
            identity.Lockout.DefaultLockoutTimeSpan = auth.Value.LockoutDuration;
        });
        services.AddOptions<DataProtectionTokenProviderOptions>().Configure<IOptions<AuthOptions>>((tokens, auth) => tokens.TokenLifespan = auth.Value.InvitationLifetime);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));

        services.AddAuthentication(DefaultScheme)
            .AddPolicyScheme(DefaultScheme, "Sign-in cookie or API key", o => o.ForwardDefaultSelector = context =>
                ApiKeyText.FromBearer(context.Request) is not null && !IsVendorSandbox(context.Request.Path)
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null)
            .AddCookie(IdentityConstants.ApplicationScheme, o =>
            {
                o.Cookie.Name = ".FlowStudio.Session";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.LoginPath = AccountPaths.SignIn;
                o.LogoutPath = AccountPaths.SignOut;
                o.AccessDeniedPath = AccountPaths.AccessDenied;
                o.ExpireTimeSpan = TimeSpan.FromHours(12);
                o.SlidingExpiration = true;
                o.Events = new CookieAuthenticationEvents
                {
                    OnValidatePrincipal = SecurityStampValidator.ValidatePrincipalAsync,
                    OnRedirectToLogin = SignInChallenges.RedirectToSignInAsync,
                    OnRedirectToAccessDenied = SignInChallenges.RedirectToAccessDeniedAsync,
                };
            });
        services.AddAuthorization(AccountPolicies.Configure);
        services.AddCascadingAuthenticationState();

        services.AddSingleton<FirstRun>();
        services.AddScoped<UserService>();
        services.AddScoped<ApiKeyService>();
        services.AddScoped<AccountBootstrap>();
        services.AddScoped<IAuditLog, AuditLog>();
    }

    /// <summary>Who is calling, and until the owner exists, the first-run page for every page.</summary>
    public static void UseAccounts(this WebApplication app)
    {
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            var request = context.Request;
            if (HttpMethods.IsGet(request.Method) && !MachinePaths.Contains(request.Path)
                && !request.Path.StartsWithSegments(AccountPaths.FirstRun) && !request.Path.StartsWithSegments("/error")
                && !await context.RequestServices.GetRequiredService<FirstRun>().OwnerExistsAsync(context.RequestAborted))
            {
                context.Response.Redirect(AccountPaths.FirstRun);
                return;
            }

            await next(context);
        });
        app.UseAuthorization();
    }

    /// <summary><c>/api/users</c>, <c>/api/api-keys</c>, <c>/api/audit</c> and the sign-out action.</summary>
    public static void MapAccounts(this WebApplication app, RouteGroupBuilder api)
    {
        api.MapUsersApi();
        api.MapApiKeysApi();
        api.MapAuditApi();
        app.MapPost(AccountPaths.SignOut, async (SignInManager<UserAccount> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect(AccountPaths.SignIn);
        }).RequireAntiforgery().ExcludeFromDescription();
    }

    /// <summary>Sets up the owner (and API key) from <c>Auth:Bootstrap:*</c> when no user exists yet.</summary>
    public static async Task BootstrapAccountsAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<AccountBootstrap>().RunAsync(app.Lifetime.ApplicationStopping);
    }

    // The simulated vendors' own paths carry the vendors' credentials, never a FlowStudio key.
    private static bool IsVendorSandbox(PathString path) =>
        path.StartsWithSegments("/sandbox") && !path.Value!["/sandbox".Length..].StartsWith("/_", StringComparison.Ordinal);
}
