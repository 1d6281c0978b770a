using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Accounts;

/// <summary>
/// Whether the owner has been created yet. Until then every page leads to the first-run page (as n8n does); once a user
/// exists the answer is remembered (the last owner cannot be removed).
/// </summary>
internal sealed class FirstRun(IServiceScopeFactory scopes) : IDisposable
{
    private volatile bool _ownerExists;

    /// <summary>Held while the first owner is created, so two first-run forms sent at once make one owner.</summary>
    public SemaphoreSlim Gate { get; } = new(1, 1);

    public async ValueTask<bool> OwnerExistsAsync(CancellationToken cancellationToken)
    {
        if (_ownerExists)
        {
            return true;
        }

        await using var scope = scopes.CreateAsyncScope();
        _ownerExists = await scope.ServiceProvider.GetRequiredService<Data.FlowStudioDb>().Users.AnyAsync(cancellationToken);
        return _ownerExists;
    }

    public void Dispose() => Gate.Dispose();
}
