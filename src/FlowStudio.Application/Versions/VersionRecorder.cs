using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Versions;

/// <summary>
/// Adds versions to the scope's database context, to be saved with the change they record (one SaveChanges: a change
/// and its version are stored together or not at all). A resource saved before versions existed gets its version 1,
/// by "system", from its configuration as it is the first time this is asked.
/// </summary>
internal sealed class VersionRecorder(FlowStudioDb db, ChangeActor actor, TimeProvider time)
{
    /// <summary>
    /// A new version of <paramref name="resourceId"/> holding <paramref name="configJson"/>, unless it equals the latest
    /// (saving without a change makes no version); a restore always makes one.
    /// </summary>
    public async Task AddAsync(string resourceId, string configJson, int? restoredFrom, CancellationToken cancellationToken)
    {
        var latest = await LatestAsync(resourceId, cancellationToken);
        if (latest is not null && restoredFrom is null && latest.ConfigJson == configJson)
        {
            return;
        }

        db.ResourceVersions.Add(new ResourceVersion
        {
            ResourceId = resourceId,
            Number = (latest?.Number ?? 0) + 1,
            At = time.GetUtcNow().UtcDateTime,
            Author = actor.Name,
            ConfigJson = configJson,
            RestoredFrom = restoredFrom,
        });
    }

    /// <summary>The number of the latest version, adding version 1 from <paramref name="currentConfigJson"/> when there is none.</summary>
    public async Task<int> EnsureAsync(string resourceId, Func<string> currentConfigJson, DateTime savedAt, CancellationToken cancellationToken)
    {
        if (await LatestAsync(resourceId, cancellationToken) is { } latest)
        {
            return latest.Number;
        }

        db.ResourceVersions.Add(new ResourceVersion
        {
            ResourceId = resourceId, Number = 1, At = savedAt, Author = ChangeActor.System, ConfigJson = currentConfigJson(),
        });
        return 1;
    }

    /// <summary>The number of the latest version of a source or destination (version 1 made when it has none); null when it does not exist.</summary>
    public async Task<int?> CurrentAsync(string resourceId, CancellationToken cancellationToken)
    {
        if (await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == resourceId, cancellationToken) is { } source)
        {
            return await EnsureAsync(source.Id, () => VersionedConfig.Of(source), source.UpdatedAt, cancellationToken);
        }

        return await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == resourceId, cancellationToken) is { } destination
            ? await EnsureAsync(destination.Id, () => VersionedConfig.Of(destination), destination.UpdatedAt, cancellationToken)
            : null;
    }

    private async Task<ResourceVersion?> LatestAsync(string resourceId, CancellationToken cancellationToken) =>
        db.ResourceVersions.Local.Where(v => v.ResourceId == resourceId).MaxBy(v => v.Number)
        ?? await db.ResourceVersions.AsNoTracking().Where(v => v.ResourceId == resourceId).OrderByDescending(v => v.Number).FirstOrDefaultAsync(cancellationToken);
}
