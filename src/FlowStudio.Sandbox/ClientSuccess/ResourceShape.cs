using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// A resource's field list in response order, which fields the server owns, and the rules for the rest.
/// Writes build records from it so create, full-replace PUT and PATCH behave the same for every resource.
/// </summary>
internal sealed class ResourceShape
{
    private readonly JsonObject _template;
    private readonly HashSet<string> _system;

    public ResourceShape(string name, IReadOnlyList<string> fields, IReadOnlyList<string> systemFields, IReadOnlyList<FieldRule> rules, Action<JsonObject>? defaults = null)
    {
        Name = name;
        Rules = rules;
        _system = new HashSet<string>(systemFields, StringComparer.Ordinal);
        _template = [];
        foreach (var field in fields)
        {
            _template[field] = null;
        }

        defaults?.Invoke(_template);
    }

    /// <summary>The resource's name as error messages use it, e.g. "Client".</summary>
    public string Name { get; }

    public IReadOnlyList<FieldRule> Rules { get; }

    public bool HasField(string field) => _template.ContainsKey(field);

    /// <summary>The fields in response order with their defaults; the nodes belong to the shape (write them, never attach them).</summary>
    public IReadOnlyList<KeyValuePair<string, JsonNode?>> Defaults => [.. _template];

    public JsonObject NewRecord() => _template.DeepClone().AsObject();

    public List<FieldError> Validate(JsonObject body, bool requireAll) => FieldValidator.Validate(body, Rules, requireAll);

    /// <summary>A new record: every writable field from <paramref name="body"/>, the rest at their defaults.</summary>
    public JsonObject Create(JsonObject body)
    {
        var record = NewRecord();
        CopyWritable(body, record);
        return record;
    }

    /// <summary>Full replace: writable fields the body omits become null; server-owned fields are kept.</summary>
    public JsonObject Replace(JsonObject existing, JsonObject body)
    {
        var record = NewRecord();
        foreach (var (field, _) in _template)
        {
            record[field] = _system.Contains(field) ? existing[field]?.DeepClone() : null;
        }

        CopyWritable(body, record);
        return record;
    }

    /// <summary>Partial update: only the fields the body sends change.</summary>
    public void Patch(JsonObject existing, JsonObject body) => CopyWritable(body, existing);

    private void CopyWritable(JsonObject body, JsonObject record)
    {
        foreach (var (field, value) in body)
        {
            if (_template.ContainsKey(field) && !_system.Contains(field))
            {
                record[field] = value?.DeepClone();
            }
        }
    }
}
