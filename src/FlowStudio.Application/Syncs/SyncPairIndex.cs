namespace FlowStudio.Application.Syncs;

/// <summary>One object's record pairs of a sync, found by either side's id; pairs a dry run plans are kept here only.</summary>
internal sealed class SyncPairIndex
{
    private readonly Dictionary<string, SyncPair> _byCrm = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SyncPair> _byClientSuccess = new(StringComparer.Ordinal);

    public SyncPairIndex(IEnumerable<SyncPair> pairs)
    {
        foreach (var pair in pairs)
        {
            Add(pair);
        }
    }

    public SyncPair? ByCrm(string id) => _byCrm.GetValueOrDefault(id);

    public SyncPair? ByClientSuccess(string id) => _byClientSuccess.GetValueOrDefault(id);

    public IReadOnlyList<SyncPair> All => [.. _byCrm.Values];

    public void Remove(SyncPair pair)
    {
        _byCrm.Remove(pair.CrmId);
        _byClientSuccess.Remove(pair.ClientSuccessId);
    }

    public void Add(SyncPair pair)
    {
        _byCrm[pair.CrmId] = pair;
        _byClientSuccess[pair.ClientSuccessId] = pair;
    }
}
