namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// A collection's records in id order, each one's <c>modifiedAfter</c> time in an array alongside, so a search pages by
/// position and a time filter scans plain longs. New ids are the highest, so adding appends. Not thread-safe.
/// </summary>
internal sealed class RecordOrder
{
    private StoredRecord[] _records = new StoredRecord[16];
    private long[] _times = new long[16];

    public int Count { get; private set; }

    public IEnumerable<StoredRecord> All => _records.Take(Count);

    public StoredRecord this[int position] => _records[position];

    public RecordView View(bool descending) => new(_records, _times, Count, descending);

    public void Insert(StoredRecord stored)
    {
        if (Count == _records.Length)
        {
            Array.Resize(ref _records, Count * 2);
            Array.Resize(ref _times, Count * 2);
        }

        var at = Count > 0 && _records[Count - 1].Id > stored.Id ? ~Position(stored.Id) : Count;
        Array.Copy(_records, at, _records, at + 1, Count - at);
        Array.Copy(_times, at, _times, at + 1, Count - at);
        _records[at] = stored;
        _times[at] = stored.Time;
        Count++;
    }

    public void Remove(StoredRecord stored)
    {
        var at = Position(stored.Id);
        Array.Copy(_records, at + 1, _records, at, Count - at - 1);
        Array.Copy(_times, at + 1, _times, at, Count - at - 1);
        _records[--Count] = null!;
    }

    public void SetTime(StoredRecord stored, long time)
    {
        stored.Time = time;
        _times[Position(stored.Id)] = time;
    }

    /// <summary>Where <paramref name="id"/> is or, complemented, would go.</summary>
    private int Position(long id)
    {
        int low = 0, high = Count - 1;
        while (low <= high)
        {
            var middle = low + ((high - low) / 2);
            var at = _records[middle].Id;
            if (at == id)
            {
                return middle;
            }

            if (at < id)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return ~low;
    }
}
