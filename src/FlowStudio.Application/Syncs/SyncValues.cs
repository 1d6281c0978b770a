using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Application.Syncs;

/// <summary>
/// A mapped field's value in one form both sides compare in (text; null for none), and back into each side's JSON.
/// A contact's client is compared as its CRM account id: ClientSuccess's clientId goes through the clients' pairs.
/// </summary>
internal sealed class SyncValues(SyncFieldCatalog catalog, SyncObject obj, SyncPairIndex clients)
{
    public bool IsClientLink(SyncFieldConfig field) => obj == SyncObject.Contact && field.ClientSuccessField == SyncFieldCatalog.ContactClient;

    private bool IsClientType(SyncFieldConfig field) => obj == SyncObject.Client && field.ClientSuccessField == SyncFieldCatalog.ClientType;

    public string? FromCrm(SyncFieldConfig field, JsonObject record) => record[field.CrmField] switch
    {
        JsonObject lookup => lookup["id"]?.ToString(),
        var node => Text(node),
    };

    public string? FromClientSuccess(SyncFieldConfig field, JsonObject record)
    {
        var value = IsClientType(field) && record[field.ClientSuccessField] is JsonObject type ? Text(type["title"]) : Text(record[field.ClientSuccessField]);
        return IsClientLink(field) ? (value is null ? null : clients.ByClientSuccess(value)?.CrmId) : value;
    }

    /// <summary>The value as ClientSuccess takes it; null when a contact's account has no client in the sync.</summary>
    public JsonNode? ToClientSuccess(SyncFieldConfig field, string? value)
    {
        if (IsClientLink(field))
        {
            var clientId = value is null ? null : clients.ByCrm(value)?.ClientSuccessId;
            // A client a dry run would create has no id yet: its placeholder stands in, and is never sent.
            return clientId is null ? null
                : long.TryParse(clientId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? JsonValue.Create(id) : JsonValue.Create(clientId);
        }

        if (IsClientType(field))
        {
            // ClientSuccess finds the type by its title.
            return value is null ? null : new JsonObject { ["title"] = value };
        }

        var type = catalog.Find(SyncSide.ClientSuccess, obj, field.ClientSuccessField)?.Type;
        return Typed(value, type);
    }

    public JsonNode? ToCrm(SyncFieldConfig field, string? value)
    {
        var type = catalog.Find(SyncSide.Crm, obj, field.CrmField)?.Type;
        return type == "lookup"
            ? value is null ? null : new JsonObject { ["id"] = value }
            : Typed(value, type);
    }

    private static JsonNode? Typed(string? value, string? type) => value is null
        ? null
        : type switch
        {
            "boolean" when bool.TryParse(value, out var b) => JsonValue.Create(b),
            "number" when long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
            _ => JsonValue.Create(value),
        };

    private static string? Text(JsonNode? node) => node switch
    {
        null => null,
        JsonValue v when v.GetValueKind() is JsonValueKind.True => "true",
        JsonValue v when v.GetValueKind() is JsonValueKind.False => "false",
        JsonValue v when v.GetValueKind() is JsonValueKind.String => v.GetValue<string>() is { Length: > 0 } s ? s : null,
        JsonValue v => v.ToJsonString(),
        _ => node.ToJsonString(),
    };
}
