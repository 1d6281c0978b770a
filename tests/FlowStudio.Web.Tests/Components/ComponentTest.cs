using Bunit;
using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace FlowStudio.Web.Tests.Components;

/// <summary>
/// A bUnit context for the interactive screens, over the real application: its services (database, engine, sandbox)
/// come from the running <see cref="FlowStudioApp"/>, and the signed-in user has <paramref name="role"/>. MudBlazor's
/// popovers (select items, menus) and dialogs render inside <see cref="Providers"/>, which tests render first.
/// </summary>
public abstract class ComponentTest : BunitContext, IAsyncLifetime
{
    // The app's data loads asynchronously (really so on PostgreSQL) on a two-core machine shared by the whole suite: waits
    // for what a render should show get 10 s instead of bUnit's 1 s. They still end as soon as the assertion holds.
    static ComponentTest() => DefaultWaitTimeout = TimeSpan.FromSeconds(10);

    private protected ComponentTest(FlowStudioApp app, AccountRole role = AccountRole.Owner)
    {
        App = app;
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(o => o.PopoverOptions.CheckForPopoverProvider = false);
        Services.AddSignedInUser(role);
        Services.AddScoped(sp => new UiCalls(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        Services.AddSingleton(app.Services.GetRequiredService<FlowEvents>());
        Services.AddFallbackServiceProvider(app.Services);
    }

    protected FlowStudioApp App { get; }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor's services only dispose asynchronously (xunit 2 would call Dispose, which they refuse).
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    /// <summary>Where MudBlazor puts open popovers (select items, menus) and dialogs; render it before the component.</summary>
    protected IRenderedComponent<ProvidersHost> Providers { get; private protected set; } = null!;

    /// <summary>Renders the providers, then <typeparamref name="T"/>.</summary>
    protected IRenderedComponent<T> RenderWithProviders<T>(Action<ComponentParameterCollectionBuilder<T>>? parameters = null)
        where T : Microsoft.AspNetCore.Components.IComponent
    {
        Providers = Render<ProvidersHost>();
        return parameters is null ? Render<T>() : Render(parameters);
    }

    /// <summary>The MudBlazor providers a page's layout would hold.</summary>
    public sealed class ProvidersHost : Microsoft.AspNetCore.Components.ComponentBase
    {
        protected override void BuildRenderTree(Microsoft.AspNetCore.Components.Rendering.RenderTreeBuilder builder)
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<MudDialogProvider>(1);
            builder.CloseComponent();
            builder.OpenComponent<MudSnackbarProvider>(2);
            builder.CloseComponent();
        }
    }
}
