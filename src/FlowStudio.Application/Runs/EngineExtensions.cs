using FlowStudio.Engine.Http;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Runs;

internal static class EngineExtensions
{
    /// <summary>The engine's settings (section <c>Engine</c>, checked at start), the per-credential rate budgets (held in the database, shared by every instance) and the run cleanup.</summary>
    public static void AddEngineRuntime(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<EngineOptions>()
            .Bind(builder.Configuration.GetSection(EngineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton<RateBudgetStore>();
        builder.Services.AddSingleton(services =>
        {
            var store = services.GetRequiredService<RateBudgetStore>();
            var time = services.GetRequiredService<TimeProvider>();
            return new RateBudgets(
                services.GetRequiredService<IOptions<EngineOptions>>().Value.RateLimits,
                (credentialId, limit) => new SharedRateBudget(credentialId, limit, store, time));
        });
        builder.Services.AddSingleton<RunRetries>();
        builder.Services.AddSingleton<RunCleanup>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RunCleanup>());
    }
}
