
namespace FlowStudio.Application.Sources;

/// <summary>
/// Deleting a source takes its dataset with it, and the transforms made from that dataset (theirs are derived from it), so
/// the destinations that send those datasets would be left reading nothing. Deleting is refused while they exist unless
/// the caller says to delete them too (the confirmation on the screens names them; the API's <c>?cascade=true</c>).
/// </summary>
internal sealed class SourceDeletion(SourceService sources, DestinationService destinations, TransformService transforms)
{
    /// <summary>The destinations that send the source's dataset or a transform of it; null when the source does not exist.</summary>
    public async Task<IReadOnlyList<DestinationView>?> DependentsAsync(string id, CancellationToken cancellationToken)
    {
        if (await sources.GetAsync(id, cancellationToken) is not { } source)
        {
            return null;
        }

        var dependents = new List<DestinationView>(await destinations.ListAsync(source.DatasetId, cancellationToken));
        foreach (var transform in await transforms.DownstreamAsync(source.DatasetId, cancellationToken))
        {
            dependents.AddRange(await destinations.ListAsync(transform.DatasetId, cancellationToken));
        }

        return dependents;
    }

    /// <summary>Deletes the source; with <paramref name="cascade"/> its destinations first, without it only when it has none.</summary>
    public async Task<SourceDeletionOutcome> DeleteAsync(string id, bool cascade, CancellationToken cancellationToken)
    {
        if (await DependentsAsync(id, cancellationToken) is not { } dependents)
        {
            return SourceDeletionOutcome.NotFound;
        }

        if (dependents.Count > 0 && !cascade)
        {
            return new SourceDeletionOutcome(true, false, dependents);
        }

        foreach (var destination in dependents)
        {
            await destinations.DeleteAsync(destination.Id, cancellationToken);
        }

        var derived = await transforms.DownstreamAsync((await sources.GetAsync(id, cancellationToken))!.DatasetId, cancellationToken);
        foreach (var transform in derived.Reverse())
        {
            await transforms.DeleteAsync(transform.Id, cancellationToken);
        }

        return new SourceDeletionOutcome(true, await sources.DeleteAsync(id, cancellationToken), dependents);
    }
}

/// <summary>What a delete did: whether the source existed, whether it is gone, and the destinations that went (or would go) with it.</summary>
internal sealed record SourceDeletionOutcome(bool Found, bool Deleted, IReadOnlyList<DestinationView> Destinations)
{
    public static readonly SourceDeletionOutcome NotFound = new(false, false, []);
}
