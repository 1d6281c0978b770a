using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Executes one slice of a split delivery run (the job scheduler calls it through <see cref="DeliverySliceJob"/>) in its own
/// DI scope, from the slice's own offset to its end, and marks it finished (with why it stopped early, if it did) for the
/// run's coordinator. The slice belongs to its run: pausing the destination cancels it wherever it executes.
/// </summary>
internal sealed class DeliverySliceProcessor(RunsInFlight inFlight, IServiceScopeFactory scopes, TimeProvider time, ILogger<DeliverySliceProcessor> logger)
{
    public async Task ProcessAsync(RunRequest request, int number, string instance, CancellationToken stoppingToken)
    {
        DeliverySlice slice;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlowStudioDb>();
            if (await db.DeliverySlices.FirstOrDefaultAsync(s => s.RunId == request.RunId && s.Slice == number, stoppingToken) is not { FinishedAt: null } found)
            {
                return;
            }

            slice = found;
            if (!await db.Runs.AnyAsync(r => r.Id == request.RunId && r.Status == RunStatus.Running, stoppingToken))
            {
                await FinishAsync(db, slice, "The run ended before this slice was delivered; the destination's next run delivers it.");
                return;
            }

            if (await db.RunCancellations.AnyAsync(c => c.RunId == request.RunId, stoppingToken))
            {
                await FinishAsync(db, slice, RunProcessor.PausedError);
                return;
            }

            slice.Instance = instance;
            await db.SaveChangesAsync(stoppingToken);
        }

        var token = inFlight.Started(request, stoppingToken, number);
        string? error = null;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DeliverySliceExecutor>().ExecuteAsync(request, slice, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            error = stoppingToken.IsCancellationRequested ? RunProcessor.StoppingError : RunProcessor.PausedError;
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Slice {Slice} of run {RunId} of {ResourceId} failed", number, request.RunId, request.ResourceId);
            error = ex.Message;
        }
        finally
        {
            inFlight.Finished(request, number);
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await FinishAsync(scope.ServiceProvider.GetRequiredService<FlowStudioDb>(), slice, error);
        }
    }

    private Task<int> FinishAsync(FlowStudioDb db, DeliverySlice slice, string? error)
    {
        var now = time.GetUtcNow().UtcDateTime;
        return db.DeliverySlices.Where(s => s.RunId == slice.RunId && s.Slice == slice.Slice)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.FinishedAt, now).SetProperty(x => x.Error, error), CancellationToken.None);
    }
}
