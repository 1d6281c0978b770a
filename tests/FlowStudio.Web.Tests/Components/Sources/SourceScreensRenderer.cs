using System.Runtime.CompilerServices;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Tests.Support;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.JSInterop;
using MudBlazor.Services;

namespace FlowStudio.Web.Tests.Components.Sources;

/// <summary>
/// Renders the source screens' components as static SSR does (<see cref="HtmlRenderer"/>), with the repository's real
/// endpoint templates and a temporary database (<see cref="TestDatabase"/>), and parses the HTML with AngleSharp.
/// </summary>
internal sealed class SourceScreensRenderer : IAsyncDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("flowstudio-source-screens-").FullName;
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private SourceScreensRenderer()
    {
        _services = new ServiceCollection()
            .AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance)
            .AddSingleton(typeof(ILogger<>), typeof(NullLogger<>))
            .AddSingleton<NavigationManager>(new FixedNavigationManager())
            .AddSingleton(TimeProvider.System)
            .AddSingleton(Templates)
            .AddDbContext<FlowStudioDb>(o => TestDatabase.Use(o, _directory))
            .AddSignedInUser(AccountRole.Owner)
            .AddMudServices()
            .AddScoped<IJSRuntime, NoJavaScript>()
            .BuildServiceProvider(validateScopes: true);
        _scope = _services.CreateAsyncScope();
    }

    /// <summary>The templates in the repository's <c>templates/</c> folder, found from this source file's location.</summary>
    public static TemplateCatalog Templates { get; } = TemplateCatalog.Load(TemplateDirectory.Locate(startDirectory: SourceFolder())!);

    public FlowStudioDb Db => _scope.ServiceProvider.GetRequiredService<FlowStudioDb>();

    public static async Task<SourceScreensRenderer> CreateAsync()
    {
        var renderer = new SourceScreensRenderer();
        await renderer.Db.Database.EnsureCreatedAsync();
        return renderer;
    }

    public async Task<IHtmlDocument> RenderAsync<TComponent>(IDictionary<string, object?>? parameters = null)
        where TComponent : IComponent
    {
        await using var htmlRenderer = new HtmlRenderer(_scope.ServiceProvider, NullLoggerFactory.Instance);
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

    private static string SourceFolder([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;

    private sealed class FixedNavigationManager : NavigationManager
    {
        public FixedNavigationManager() => Initialize("http://localhost/", "http://localhost/");
    }

    /// <summary>Static rendering has no browser: every JavaScript call fails, as it does in static SSR.</summary>
    private sealed class NoJavaScript : IJSRuntime
    {
        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            throw new InvalidOperationException("JavaScript cannot run while rendering statically.");

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            throw new InvalidOperationException("JavaScript cannot run while rendering statically.");
    }
}
