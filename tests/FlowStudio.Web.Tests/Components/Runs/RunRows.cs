using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace FlowStudio.Web.Tests.Components.Runs;

/// <summary>
/// A run the engine would be writing, written here instead: a webhook source (made through the API) and a run row whose
/// counts a test moves forward, announcing each step on <see cref="FlowEvents"/> as the engine does, or not.
/// </summary>
internal sealed class RunRows(FlowStudioApp app)
{
    public async Task<(string SourceId, string SourceName)> WebhookSourceAsync()
    {
        using var client = app.CreateClient();
        var name = "Progress " + Guid.NewGuid().ToString("N")[..6];
        var source = await client.PostJsonAsync("/api/sources", new { name, connector = "webhook" }, 201);
        return (source.GetProperty("id").GetString()!, name);
    }

    public async Task<string> RunningAsync(string sourceId, long recordsRead)
    {
        var id = "run_" + Guid.NewGuid().ToString("N")[..12];
        await ChangeAsync(db =>
        {
            db.Runs.Add(new Run { Id = id, ResourceId = sourceId, Kind = RunKind.Source, RecordsRead = recordsRead, StartedAt = DateTime.UtcNow.AddSeconds(-10) });
            return db.SaveChangesAsync();
        });
        return id;
    }

    public Task ReadAsync(string runId, long recordsRead) =>
        ChangeAsync(db => db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.RecordsRead, recordsRead)));

    public Task FinishAsync(string runId) =>
        ChangeAsync(db => db.Runs.Where(r => r.Id == runId).ExecuteUpdateAsync(s => s
            .SetProperty(r => r.Status, RunStatus.Succeeded).SetProperty(r => r.FinishedAt, DateTime.UtcNow)));

    public void Announce(string sourceId, string runId) =>
        app.Services.GetRequiredService<FlowEvents>().Publish(new FlowChange(FlowChangeKind.Run, sourceId, runId));

    private async Task ChangeAsync(Func<FlowStudioDb, Task> change)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await change(scope.ServiceProvider.GetRequiredService<FlowStudioDb>());
    }
}
