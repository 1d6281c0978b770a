using System.Text.Json;
using FlowStudio.Engine;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Application.Versions;

/// <summary>
/// The versions of a source's or destination's configuration, for the API and the screens: the list, one version, the
/// fields two versions differ in, and restoring one (which saves it again, as a new version).
/// </summary>
internal sealed class VersionService(FlowStudioDb db, VersionRecorder recorder, SourceService sources, DestinationService destinations)
{
    /// <summary>Newest first; null when there is no such resource. A resource saved before versions existed gets its version 1 here.</summary>
    public async Task<IReadOnlyList<VersionView>?> ListAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(kind, id, cancellationToken))
        {
            return null;
        }

        return await db.ResourceVersions.AsNoTracking().Where(v => v.ResourceId == id).OrderByDescending(v => v.Number)
            .Select(v => new VersionView(v.Number, v.At, v.Author, v.RestoredFrom)).ToListAsync(cancellationToken);
    }

    public async Task<VersionDetail?> GetAsync(ResourceKind kind, string id, int number, CancellationToken cancellationToken) =>
        await FindAsync(kind, id, number, cancellationToken) is { } version
            ? new VersionDetail(version.Number, version.At, version.Author, version.RestoredFrom, Parse(version.ConfigJson))
            : null;

    /// <summary>The fields version <paramref name="to"/> changed from version <paramref name="from"/>; null when either does not exist.</summary>
    public async Task<IReadOnlyList<FieldChange>?> CompareAsync(ResourceKind kind, string id, int from, int to, CancellationToken cancellationToken)
    {
        var before = await FindAsync(kind, id, from, cancellationToken);
        var after = await FindAsync(kind, id, to, cancellationToken);
        return before is null || after is null ? null : ConfigDiff.Between(Parse(before.ConfigJson), Parse(after.ConfigJson));
    }

    /// <summary>
    /// Saves version <paramref name="number"/>'s configuration as the resource's configuration, after the checks any
    /// save has (its credential or lookup may be gone); that makes a new version. Null with no errors: no such version.
    /// </summary>
    public async Task<(VersionView? Restored, IReadOnlyList<FieldError> Errors)> RestoreAsync(ResourceKind kind, string id, int number, CancellationToken cancellationToken)
    {
        if (await FindAsync(kind, id, number, cancellationToken) is not { } version)
        {
            return (null, []);
        }

        var errors = kind == ResourceKind.Source
            ? (await sources.UpdateAsync(id, VersionedConfig.ToSourceRequest(version.ConfigJson), cancellationToken, restoredFrom: number)).Errors
            : (await destinations.UpdateAsync(id, VersionedConfig.ToDestinationRequest(version.ConfigJson), cancellationToken, restoredFrom: number)).Errors;
        if (errors.Count > 0)
        {
            return (null, errors);
        }

        var latest = await db.ResourceVersions.AsNoTracking().Where(v => v.ResourceId == id).OrderByDescending(v => v.Number).FirstAsync(cancellationToken);
        return (new VersionView(latest.Number, latest.At, latest.Author, latest.RestoredFrom), []);
    }

    private async Task<ResourceVersion?> FindAsync(ResourceKind kind, string id, int number, CancellationToken cancellationToken)
    {
        if (!await ReadyAsync(kind, id, cancellationToken))
        {
            return null;
        }

        return await db.ResourceVersions.AsNoTracking().FirstOrDefaultAsync(v => v.ResourceId == id && v.Number == number, cancellationToken);
    }

    /// <summary>Whether the resource exists; if so, with its version 1 stored when it had no version yet.</summary>
    private async Task<bool> ReadyAsync(ResourceKind kind, string id, CancellationToken cancellationToken)
    {
        if (!await ExistsAsync(kind, id, cancellationToken))
        {
            return false;
        }

        await recorder.CurrentAsync(id, cancellationToken);
        if (db.ChangeTracker.HasChanges())
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return true;
    }

    private Task<bool> ExistsAsync(ResourceKind kind, string id, CancellationToken cancellationToken) => kind == ResourceKind.Source
        ? db.Sources.AnyAsync(s => s.Id == id, cancellationToken)
        : db.Destinations.AnyAsync(d => d.Id == id, cancellationToken);

    private static JsonElement Parse(string json) => JsonDocument.Parse(json).RootElement.Clone();
}
