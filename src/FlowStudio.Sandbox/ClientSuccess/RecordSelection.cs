using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// The records a search reads: the whole collection, or the few an index finds for the first indexed filter; filters
/// without an index (or after the first) test the live records.
/// </summary>
internal sealed class RecordSelection(RecordCollection collection)
{
    private readonly List<Func<JsonObject, bool>> _filters = [];

    public RecordCollection Collection => collection;

    /// <summary>The records left after index lookups, in id order; null while no index was used.</summary>
    public IReadOnlyList<StoredRecord>? Candidates { get; private set; }

    public IReadOnlyList<Func<JsonObject, bool>> Filters => _filters;

    public RecordSelection Where(Func<JsonObject, bool> filter)
    {
        _filters.Add(filter);
        return this;
    }

    /// <summary>Only records whose <paramref name="key"/> matches <paramref name="value"/>; <paramref name="filter"/> says the same of a live record.</summary>
    public RecordSelection WhereKey(RecordKey key, string value, Func<JsonObject, bool> filter)
    {
        if (Candidates is null && collection.Indexes(key))
        {
            Candidates = collection.Matching(key, value);
            return this;
        }

        return Where(filter);
    }

    public RecordSelection None()
    {
        Candidates = [];
        return this;
    }
}
