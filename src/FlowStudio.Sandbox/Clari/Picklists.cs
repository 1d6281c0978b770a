namespace FlowStudio.Sandbox.Clari;

/// <summary>The picklist and multi-picklist fields of the sandbox partner schema, with their options.</summary>
internal sealed class Picklists
{
    private static readonly IReadOnlyList<PicklistField> Schema =
    [
        new("account", "lifecycleStage", "picklist", ["early", "growth", "mature", "renewal"]),
        new("account", "trend", "picklist", ["Up", "Same", "Down"]),
        new("account", "isACustomerOf", "multipicklist", ["Customer1", "Customer2", "Customer3"]),
        new("opportunity", "dealRisk", "picklist", ["Low", "Medium", "High"]),
        new("opportunity", "competitors", "multipicklist", ["Acme Analytics", "Globex Revenue", "Initech Forecasting"]),
        new("contact", "persona", "picklist", ["Champion", "Economic Buyer", "Technical Buyer", "End User"]),
        new("activity", "channel", "picklist", ["Email", "Meeting", "Call"]),
    ];

    private readonly Lock _gate = new();
    private readonly Dictionary<(string Entity, string Field), List<string>> _values = Seed();

    public static PicklistField? Find(string entity, string fieldName) =>
        Schema.FirstOrDefault(field => field.Entity == entity && field.Name == fieldName);

    public Dictionary<string, IReadOnlyList<string>> Get(string entity, IReadOnlyCollection<string>? fieldNames)
    {
        lock (_gate)
        {
            return Schema
                .Where(field => field.Entity == entity && (fieldNames is null || fieldNames.Contains(field.Name)))
                .ToDictionary(field => field.Name, field => (IReadOnlyList<string>)[.. _values[(entity, field.Name)]]);
        }
    }

    public void Add(PicklistField field, IEnumerable<string> values)
    {
        lock (_gate)
        {
            var options = _values[(field.Entity, field.Name)];
            foreach (var value in values.Where(value => !options.Contains(value, StringComparer.Ordinal)))
            {
                options.Add(value);
            }
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var (key, values) in Seed())
            {
                _values[key] = values;
            }
        }
    }

    private static Dictionary<(string Entity, string Field), List<string>> Seed() =>
        Schema.ToDictionary(field => (field.Entity, field.Name), field => field.SeedValues.ToList());
}

internal sealed record PicklistField(string Entity, string Name, string Type, IReadOnlyList<string> SeedValues);
