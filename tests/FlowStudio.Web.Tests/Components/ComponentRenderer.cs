using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FlowStudio.Web.Features.Audit;
using FlowStudio.Web.Features.Credentials;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace FlowStudio.Web.Tests.Components;

/// <summary>
/// Renders components to HTML the way static SSR does (<see cref="HtmlRenderer"/>), against the real data services
/// on a temporary database built from the model (<see cref="TestDatabase"/>), signed in as a user with the given role (an owner unless told),
/// and parses the result with AngleSharp.
/// </summary>
internal sealed class ComponentRenderer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flowstudio-components-").FullName;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private ComponentRenderer(string currentUrl, string environment, AccountRole role)
    {
        _services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<NavigationManager>(new FixedNavigationManager(currentUrl))
            .AddSingleton<IWebHostEnvironment>(new FixedEnvironment { EnvironmentName = environment })
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddSingleton(TimeProvider.System)
            .AddDbContext<FlowStudioDb>(options => TestDatabase.Use(options, _directory))
            .AddSingleton(Sources.SourceScreensRenderer.Templates)
            .AddScoped<CredentialService>()
            .AddScoped<IAuditLog, AuditLog>()
            .AddSignedInUser(role)
            .BuildServiceProvider(validateScopes: true);
        _scope = _services.CreateAsyncScope();
    }

    public IServiceProvider Services => _scope.ServiceProvider;

    public static async Task<ComponentRenderer> CreateAsync(
        string currentUrl = "http://localhost/", string environment = "Production", AccountRole role = AccountRole.Owner)
    {
        var renderer = new ComponentRenderer(currentUrl, environment, role);
        await renderer.Services.GetRequiredService<FlowStudioDb>().Database.EnsureCreatedAsync();
        return renderer;
    }

    public async Task<IHtmlDocument> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        await using var htmlRenderer = new HtmlRenderer(Services, NullLoggerFactory.Instance);
        var html = await htmlRenderer.Dispatcher.InvokeAsync(async () =>
        {
            var output = await htmlRenderer.RenderComponentAsync<TComponent>(
                parameters is null ? ParameterView.Empty : ParameterView.FromDictionary(parameters));
            return output.ToHtmlString();
        });
        return await new HtmlParser().ParseDocumentAsync(html);
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class FixedEnvironment : IWebHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";

        public string ApplicationName { get; set; } = "FlowStudio.Web";

        public string WebRootPath { get; set; } = "";

        public IFileProvider WebRootFileProvider { get; set; } = new NullFileProvider();

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }

    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager(string uri) => Initialize("http://localhost/", uri);
    }
}
