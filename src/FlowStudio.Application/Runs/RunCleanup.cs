using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace FlowStudio.Application.Runs;

/// <summary>
/// Deletes finished runs older than <see cref="EngineOptions.RunRetentionDays"/>, at start and then every
/// <see cref="EngineOptions.CleanupInterval"/>. Records' delivery state stays (failed records lose their link to the deleted run and keep
/// their request's error), so nothing is ever sent again because its run was cleaned up.
/// </summary>
internal sealed class RunCleanup(IServiceScopeFactory scopes, IOptions<EngineOptions> options, TimeProvider time, ILogger<RunCleanup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.CleanupInterval, time);
        do
        {
            try
            {
                await CleanupAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Cleaning up old runs failed; it will try again");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Deletes the finished runs past retention; returns how many.</summary>
    public async Task<int> CleanupAsync(CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime.AddDays(-options.Value.RunRetentionDays);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
        var old = db.Runs.Where(r => r.Status != RunStatus.Running && r.FinishedAt != null && r.FinishedAt < cutoff);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.FailedDeliveries.Where(f => f.RunId != null && old.Any(r => r.Id == f.RunId))
            .ExecuteUpdateAsync(f => f.SetProperty(x => x.RunId, (string?)null), cancellationToken);
        await db.IngestJobs.Where(j => old.Any(r => r.Id == j.RunId)).ExecuteDeleteAsync(cancellationToken);
        await db.RequestErrors.Where(e => old.Any(r => r.Id == e.RunId) && !db.FailedDeliveries.Any(f => f.RequestErrorId == e.Id))
            .ExecuteDeleteAsync(cancellationToken);
        var deleted = await old.ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0)
        {
            logger.LogInformation("Deleted {Count} runs finished before {Cutoff:u}", deleted, cutoff);
        }

        return deleted;
    }
}
