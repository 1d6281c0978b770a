namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// The records of one collection by one <see cref="RecordKey"/>, each key's records in id order. A key held by one
/// record (a uuid, an email) keeps just that record. Not thread-safe: the store locks.
/// </summary>
internal sealed class RecordIndex(RecordKey key)
{
    // Each value is a StoredRecord, or a List<StoredRecord> once a second record shares the key.
    private readonly Dictionary<string, object> _records = new(key.Comparer);

    public RecordKey Key { get; } = key;

    public IReadOnlyList<StoredRecord> Get(string key) => _records.GetValueOrDefault(key) switch
    {
        StoredRecord one => [one],
        List<StoredRecord> several => several,
        _ => [],
    };

    public void Add(string? key, StoredRecord record)
    {
        if (key is null)
        {
            return;
        }

        switch (_records.GetValueOrDefault(key))
        {
            case null:
                _records[key] = record;
                break;
            case StoredRecord one:
                _records[key] = one.Id < record.Id ? new List<StoredRecord> { one, record } : [record, one];
                break;
            case List<StoredRecord> several:
                var at = several.Count;
                while (at > 0 && several[at - 1].Id > record.Id)
                {
                    at--;
                }

                several.Insert(at, record);
                break;
        }
    }

    public void Remove(string? key, StoredRecord record)
    {
        if (key is null)
        {
            return;
        }

        switch (_records.GetValueOrDefault(key))
        {
            case StoredRecord one when one == record:
                _records.Remove(key);
                break;
            case List<StoredRecord> several when several.Remove(record):
                if (several.Count == 1)
                {
                    _records[key] = several[0];
                }

                break;
        }
    }
}
