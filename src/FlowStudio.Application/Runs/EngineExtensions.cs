using FlowStudio.Engine.Http;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Runs;

internal static class EngineExtensions
{
    /// <summary>The engine's settings (section <c>Engine</c>, checked at start), the per-credential rate budgets and the run cleanup.</summary>
    public static void AddEngineRuntime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngineOptions>()
            .Bind(builder.Configuration.GetSection(EngineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(services => new RateBudgets(
            services.GetRequiredService<IOptions<EngineOptions>>().Value.RateLimits, services.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<RunRetries>();
        builder.Services.AddSingleton<RunCleanup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunCleanup>());
    }
}
