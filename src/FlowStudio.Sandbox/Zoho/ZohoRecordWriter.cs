using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.Zoho;

/// <summary>Applies one checked input record to the live module (called under the store's lock).</summary>
internal sealed class ZohoRecordWriter(ZohoStore store, ZohoModule module)
{
    private SortedDictionary<string, JsonObject> Live => store.Module(module);

    public JsonObject? FindLive(string id) => Live.GetValueOrDefault(id);

    public JsonObject? FindAccount(string id) => store.Module(ZohoModule.Accounts).GetValueOrDefault(id);

    /// <summary>The live record, other than <paramref name="exceptId"/>, whose <paramref name="field"/> equals the input's value.</summary>
    public JsonObject? FindBy(string field, JsonNode? value, string? exceptId = null)
    {
        var wanted = Key(value);
        return wanted is null
            ? null
            : Live.Values.FirstOrDefault(r => r["id"]!.GetValue<string>() != exceptId && string.Equals(Key(r[field]), wanted, StringComparison.OrdinalIgnoreCase));
    }

    public JsonObject Insert(JsonObject input)
    {
        var now = ZohoJson.Time(store.Time.GetUtcNow());
        var record = new JsonObject
        {
            ["id"] = store.NewId(),
            ["Owner"] = ZohoSeed.Owner(),
            ["Created_Time"] = now,
            ["Modified_Time"] = now,
        };
        foreach (var field in module.Fields.Where(f => !f.ReadOnly))
        {
            record[field.ApiName] = null;
        }

        Apply(record, input);
        Live[record["id"]!.GetValue<string>()] = record;
        return Details(record);
    }

    public JsonObject Update(JsonObject record, JsonObject input)
    {
        Apply(record, input);
        record["Modified_Time"] = ZohoJson.Time(store.Time.GetUtcNow());
        return Details(record);
    }

    private void Apply(JsonObject record, JsonObject input)
    {
        foreach (var (name, value) in input)
        {
            if (module.Field(name) is not { ReadOnly: false } field)
            {
                continue;
            }

            record[name] = field.Type == ZohoFieldType.Lookup && value is JsonObject lookup
                ? new JsonObject { ["id"] = lookup["id"]!.DeepClone(), ["name"] = FindAccount(lookup["id"]!.GetValue<string>())!["Account_Name"]!.DeepClone() }
                : value?.DeepClone();
        }
    }

    private static JsonObject Details(JsonObject record)
    {
        var user = new JsonObject { ["name"] = ZohoAccount.OwnerName, ["id"] = ZohoAccount.OwnerId };
        return new JsonObject
        {
            ["Modified_Time"] = record["Modified_Time"]!.DeepClone(),
            ["Modified_By"] = user.DeepClone(),
            ["Created_Time"] = record["Created_Time"]!.DeepClone(),
            ["id"] = record["id"]!.DeepClone(),
            ["Created_By"] = user,
        };
    }

    private static string? Key(JsonNode? value) => value switch
    {
        null => null,
        JsonObject lookup => lookup["id"]?.ToString(),
        _ => value.ToString() is { Length: > 0 } text ? text : null,
    };
}
