using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>One collection of records keyed by integer id, also reachable by string uuid. Not thread-safe: the store locks.</summary>
internal sealed class RecordCollection(long firstId)
{
    private readonly SortedDictionary<long, JsonObject> _byId = [];

    public long NextId { get; private set; } = firstId;

    public int Count => _byId.Count;

    public IEnumerable<JsonObject> All => _byId.Values;

    /// <summary>Stores <paramref name="record"/> under the next id, written into its <c>id</c> field.</summary>
    public JsonObject Add(JsonObject record)
    {
        var id = NextId++;
        record["id"] = id;
        _byId[id] = record;
        return record;
    }

    public void Put(JsonObject record) => _byId[Ids.Of(record)] = record;

    public bool Remove(long id) => _byId.Remove(id);

    public JsonObject? Get(long id) => _byId.GetValueOrDefault(id);

    /// <summary>Finds by integer id (number or digits) or by uuid (case-insensitive).</summary>
    public JsonObject? Find(string? idOrUuid)
    {
        if (string.IsNullOrWhiteSpace(idOrUuid))
        {
            return null;
        }

        if (long.TryParse(idOrUuid, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id))
        {
            return Get(id);
        }

        return _byId.Values.FirstOrDefault(record =>
            string.Equals(record["uuid"]?.GetValue<string>(), idOrUuid, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Finds by a JSON reference as clients send it: a number, or a string holding an id or a uuid.</summary>
    public JsonObject? Find(JsonNode? reference) => Find(Ids.Text(reference));
}
