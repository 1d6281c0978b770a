namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Records in a search's order, each with its <c>modifiedAfter</c> time; a reversed view reads the arrays backwards.</summary>
internal readonly struct RecordView(StoredRecord[] records, long[] times, int count, bool reversed)
{
    public int Count => count;

    public StoredRecord this[int position] => records[reversed ? count - 1 - position : position];

    public long TimeAt(int position) => times[reversed ? count - 1 - position : position];

    /// <summary>Orders <paramref name="records"/> by <paramref name="field"/> as <see cref="SearchEnvelope.Sort"/> orders live records, ties by id.</summary>
    public static RecordView Sorted(IEnumerable<StoredRecord> records, string field, bool descending)
    {
        var keyed = records.Select(stored => (Key: SortKey.Read(stored.Json.Span, field), Record: stored)).ToArray();
        Array.Sort(keyed, (x, y) => x.Key.CompareTo(y.Key) is var order and not 0 ? order : x.Record.Id.CompareTo(y.Record.Id));
        var ordered = Array.ConvertAll(keyed, item => item.Record);
        return new RecordView(ordered, Array.ConvertAll(ordered, stored => stored.Time), ordered.Length, descending);
    }

    /// <summary>Records already in id order.</summary>
    public static RecordView ById(IReadOnlyList<StoredRecord> records, bool descending)
    {
        var ordered = records.ToArray();
        return new RecordView(ordered, Array.ConvertAll(ordered, stored => stored.Time), ordered.Length, descending);
    }
}
