using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Sources;
using FlowStudio.Sandbox;
using FlowStudio.Web.Components;
using FlowStudio.Web.Features.Accounts;
using FlowStudio.Web.Features.Alerts;
using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Features.Connectors;
using FlowStudio.Web.Features.Credentials;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Features.Destinations;
using FlowStudio.Web.Features.Flows;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;
using FlowStudio.Web.Features.Health;
using FlowStudio.Web.Features.Lookups;
using FlowStudio.Web.Features.Transforms;
using FlowStudio.Web.Features.Runs;
using FlowStudio.Web.Features.Sources;
using FlowStudio.Web.Features.Syncs;
using FlowStudio.Web.Features.Sandbox;
using FlowStudio.Web.Features.Templates;
using FlowStudio.Web.Features.Versions;
using FlowStudio.Web.Features.Webhooks;
using FlowStudio.Web.Infrastructure;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using FlowStudio.Web.Components.Shell;
using MudBlazor.Services;

namespace FlowStudio.Web.Extensions;

internal static class Extensions
{
    public static void AddFlowStudio(this WebApplicationBuilder builder)
    {
        builder.AddApplication();
        builder.AddAccounts();
        builder.Services.AddSandbox();

        // Static web assets (blazor.web.js, MudBlazor's files) from the build's manifest when not published.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        // Outcomes appear at the bottom: at the top right they would cover the pages' action buttons (and stay while hovered).
        builder.Services.AddMudServices(o => o.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.BottomRight);
        builder.Services.AddShell();
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<BadRequestExceptionHandler>();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        builder.Services.Configure<JsonOptions>(o =>
        {
            o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter(System.Text.Json.JsonNamingPolicy.CamelCase));
            o.SerializerOptions.MaxDepth = 256;
            o.SerializerOptions.Converters.Add(new NoNullListItems());
        });
        builder.Services.AddOpenApi();
    }

    public static async Task UseFlowStudioAsync(this WebApplication app)
    {
        await app.MigrateFlowStudioDataAsync();
        if (RunScheduling.Role(app.Configuration) == InstanceRole.Worker)
        {
            // A worker executes runs and answers its health check; the UI and the API are the web instances'.
            app.UseExceptionHandler("/error", createScopeForErrors: true);
            app.MapGroup("/api").MapHealthApi();
            return;
        }

        // Behind a reverse proxy on the same machine (the default known proxy is loopback), the scheme and client address are the proxy's to tell.
        app.UseForwardedHeaders(new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto });
        app.UseSecurityHeaders();
        app.UseExceptionHandler("/error", createScopeForErrors: true);
        app.UseStatusCodePagesWithReExecute("/not-found");
        app.UseWhen(c => MachinePaths.Contains(c.Request.Path), api => api.UseStatusCodePages(ApiStatusPages.WriteAsync));
        app.UseApiRequestGuard();
        app.UseStaticFiles();
        app.UseAccounts();
        app.UseAntiforgery();

        app.MapOpenApi();
        // Every route needs a signed-in user or an API key (the fallback policy) unless it allows anonymous callers;
        // reads are open to every role, changes need an editor, and owner-only routes say so themselves.
        var api = app.MapGroup("/api").DisableAntiforgery().AddEndpointFilter<CookieRequestCheck>().AddEndpointFilter<AuditFilter>();
        api.MapHealthApi();
        app.MapAccounts(api);
        var resources = api.MapGroup("").RequireAuthorization(AccountPolicies.EditorChanges);
        resources.MapConnectorsApi();
        resources.MapCredentialsApi();
        resources.MapTemplatesApi();
        resources.MapSourcesApi();
        resources.MapDatasetsApi();
        resources.MapLookupsApi();
        resources.MapRunsApi();
        resources.MapDestinationsApi();
        resources.MapTransformsApi();
        resources.MapSyncsApi();
        resources.MapVersionsApi();
        resources.MapFlowsApi();
        resources.MapWebhooksApi();
        resources.MapAlertsApi();

        if (app.Services.GetRequiredService<IOptions<SandboxOptions>>().Value.Enabled)
        {
            app.MapMountedSandbox();
        }

        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        await app.BootstrapAccountsAsync();
        await SeedAsync(app);
    }

    private static async Task SeedAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<SandboxCredentialSeeder>().SeedAsync(app.Lifetime.ApplicationStopping);
    }
}
