using FlowStudio.Engine.Http;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Runs;

/// <summary>The retry settings a run's calls get: the engine's HTTP retries (unless the config sets its own) and the credential's rate budget.</summary>
internal sealed class RunRetries(IOptions<EngineOptions> options, RateBudgets budgets)
{
    public RetryOptions For(RetryOptions? configured, string? credentialId, string connector)
    {
        var retry = configured is null || configured == RetryOptions.Default
            ? RetryOptions.Default with { MaxRetries = options.Value.HttpRetries }
            : configured;
        return credentialId is null ? retry : retry with { RateBudget = budgets.For(credentialId, connector) };
    }
}
