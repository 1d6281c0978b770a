using System.Globalization;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// One collection of records keyed by integer id, also reachable by uuid and by the keys it indexes. Records are stored
/// as bytes in id order (see <see cref="RecordOrder"/>); a record becomes a <see cref="JsonObject"/> only while a store
/// call works on it. Within a write every record handed out counts as changed, and <see cref="Commit"/> stores it
/// again: its bytes, time and index keys. Not thread-safe: the store locks.
/// </summary>
internal sealed class RecordCollection
{
    private readonly Dictionary<long, StoredRecord> _byId = [];
    private readonly RecordOrder _order = new();
    private readonly RecordIndex[] _indexes;
    private readonly HashSet<StoredRecord> _touched = [];
    private readonly Dictionary<(string Field, bool Descending), (long Version, RecordView View)> _views = [];
    private readonly RecordSlabs _slabs = new();
    private bool _writing;

    /// <param name="timeField">The field <c>modifiedAfter</c> compares against.</param>
    public RecordCollection(long firstId, string timeField = "modifiedTime", params RecordKey[] keys)
    {
        NextId = firstId;
        TimeField = timeField;
        _indexes = [.. keys.Prepend(RecordKey.Uuid).Distinct().Select(key => new RecordIndex(key))];
    }

    public long NextId { get; private set; }

    public int Count => _order.Count;

    public string TimeField { get; }

    /// <summary>Changes with every stored change, so views built from the bytes know when they are out of date.</summary>
    public long Version { get; private set; }

    /// <summary>Every record, in id order.</summary>
    public IEnumerable<JsonObject> All => _order.All.Select(Live);

    /// <summary>Stores <paramref name="record"/> under the next id, written into its <c>id</c> field.</summary>
    public JsonObject Add(JsonObject record)
    {
        EnsureWriting();
        var id = NextId++;
        record["id"] = id;
        var stored = new StoredRecord(id) { Live = record };
        Insert(stored);
        _touched.Add(stored);
        return record;
    }

    /// <summary>Stores a seeded record under the next id, straight as bytes; returns the id.</summary>
    public long Add(SeedRecord record)
    {
        EnsureWriting();
        var id = NextId++;
        record.Set("id", id);
        var stored = new StoredRecord(id) { Json = record.ToJson(_slabs), Time = TimeOf(record.Get(TimeField)) };
        Index(stored, field => record.Get(field));
        Insert(stored);
        return id;
    }

    /// <summary>Replaces the record with <paramref name="record"/>'s id.</summary>
    public void Put(JsonObject record)
    {
        EnsureWriting();
        var id = Ids.Of(record);
        if (!_byId.TryGetValue(id, out var stored))
        {
            stored = new StoredRecord(id);
            Insert(stored);
        }

        stored.Live = record;
        _touched.Add(stored);
    }

    public bool Remove(long id)
    {
        EnsureWriting();
        if (!_byId.Remove(id, out var stored))
        {
            return false;
        }

        _order.Remove(stored);
        for (var i = 0; i < _indexes.Length && stored.Keys is not null; i++)
        {
            _indexes[i].Remove(stored.Keys[i], stored);
        }

        _touched.Remove(stored);
        Version++;
        return true;
    }

    public JsonObject? Get(long id) => _byId.TryGetValue(id, out var stored) ? Live(stored) : null;

    public StoredRecord? Stored(long id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds by integer id (number or digits) or by uuid (case-insensitive).</summary>
    public JsonObject? Find(string? idOrUuid) => FindStored(idOrUuid) is { } stored ? Live(stored) : null;

    /// <summary>Finds by a JSON reference as clients send it: a number, or a string holding an id or a uuid.</summary>
    public JsonObject? Find(JsonNode? reference) => Find(Ids.Text(reference));

    /// <inheritdoc cref="Find(string?)"/>
    public StoredRecord? FindStored(string? idOrUuid)
    {
        if (string.IsNullOrWhiteSpace(idOrUuid))
        {
            return null;
        }

        return long.TryParse(idOrUuid, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? Stored(id)
            : Matching(RecordKey.Uuid, idOrUuid).FirstOrDefault();
    }

    public bool Indexes(RecordKey key) => Array.Exists(_indexes, index => index.Key == key);

    /// <summary>The records whose <paramref name="key"/> matches <paramref name="value"/>, in id order, including changes this write has made.</summary>
    public IReadOnlyList<StoredRecord> Matching(RecordKey key, string value)
    {
        var indexed = Array.Find(_indexes, index => index.Key == key)?.Get(value)
            ?? throw new InvalidOperationException($"The collection has no index on {key.Field}.");
        if (_touched.Count == 0)
        {
            return indexed;
        }

        // Records handed out during this write may have changed since their keys were indexed: ask them directly.
        var matches = indexed.Where(stored => !_touched.Contains(stored)).ToList();
        matches.AddRange(_touched.Where(stored => key.Comparer.Equals(key.Of(stored.Live!), value)));
        matches.Sort((x, y) => x.Id.CompareTo(y.Id));
        return matches;
    }

    /// <summary>The matching records as live objects (see <see cref="Matching"/>).</summary>
    public IEnumerable<JsonObject> LiveMatching(RecordKey key, string value) => Matching(key, value).Select(Live);

    /// <summary>The record as a <see cref="JsonObject"/>; within a write it counts as changed.</summary>
    public JsonObject Live(StoredRecord stored)
    {
        stored.Live ??= RecordJson.Materialize(stored.Json);
        if (_writing)
        {
            _touched.Add(stored);
        }

        return stored.Live;
    }

    /// <summary>Every record ordered by <paramref name="field"/> as a search sorts (ties by id); for reads, which see committed bytes.</summary>
    public RecordView View(string field, bool descending)
    {
        if (field == "id")
        {
            return _order.View(descending);
        }

        if (_views.TryGetValue((field, descending), out var cached) && cached.Version == Version)
        {
            return cached.View;
        }

        var view = RecordView.Sorted(_order.All, field, descending);
        _views[(field, descending)] = (Version, view);
        return view;
    }

    public void BeginWrite() => _writing = true;

    /// <summary>Stores every record handed out since the last commit again: bytes, time and index keys.</summary>
    public void Commit()
    {
        if (_touched.Count == 0)
        {
            return;
        }

        foreach (var stored in _touched)
        {
            var record = stored.Live!;
            stored.Json = RecordJson.Serialize(record);
            stored.Live = null;
            if (TimeOf(record[TimeField]) is var time && time != stored.Time)
            {
                _order.SetTime(stored, time);
            }

            Index(stored, field => record[field]);
        }

        _touched.Clear();
        Version++;
    }

    public void EndWrite()
    {
        Commit();
        _writing = false;
    }

    private static long TimeOf(JsonNode? value) =>
        Timestamps.TryParse(Ids.String(value), out var time) ? time.UtcTicks : StoredRecord.NoTime;

    /// <summary>Moves the record to the index entries of its current field values.</summary>
    private void Index(StoredRecord stored, Func<string, JsonNode?> field)
    {
        var keys = new string?[_indexes.Length];
        for (var i = 0; i < _indexes.Length; i++)
        {
            keys[i] = _indexes[i].Key.Of(field(_indexes[i].Key.Field));
            if (stored.Keys is null || !string.Equals(stored.Keys[i], keys[i], StringComparison.Ordinal))
            {
                _indexes[i].Remove(stored.Keys?[i], stored);
                _indexes[i].Add(keys[i], stored);
            }
        }

        stored.Keys = keys;
    }

    private void Insert(StoredRecord stored)
    {
        _order.Insert(stored);
        _byId[stored.Id] = stored;
        Version++;
    }

    private void EnsureWriting()
    {
        if (!_writing)
        {
            throw new InvalidOperationException("Records change only within a write (ClientSuccessStore.Use).");
        }
    }
}
