using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>How contacts and contracts point at their client: <c>clientId</c> or <c>tenantClientId</c>, holding an id or a uuid.</summary>
internal static class ClientReference
{
    public static (string Field, JsonNode? Value) Read(JsonObject body) =>
        body["clientId"] is { } clientId ? ("clientId", clientId)
        : body["tenantClientId"] is { } tenantClientId ? ("tenantClientId", tenantClientId)
        : ("clientId", null);

    public static void Check(ClientSuccessData data, JsonObject body, bool requireAll, List<FieldError> errors)
    {
        var (field, value) = Read(body);
        if (errors.Any(error => error.Field == field))
        {
            return;
        }

        if (value is null)
        {
            if (requireAll || body.ContainsKey("clientId") || body.ContainsKey("tenantClientId"))
            {
                errors.Add(new FieldError("clientId", "clientId is required"));
            }
        }
        else if (data.Clients.Find(value) is null)
        {
            errors.Add(new FieldError(field, $"{field} {Ids.Text(value)} does not match an existing client"));
        }
    }

    public static JsonObject? Resolve(ClientSuccessData data, JsonObject body) =>
        Read(body).Value is { } value ? data.Clients.Find(value) : null;

    /// <summary>Writes the client's integer id and summary into whichever of the client fields the record has.</summary>
    public static void Link(JsonObject record, JsonObject client)
    {
        var id = Ids.Of(client);
        if (record.ContainsKey("clientId"))
        {
            record["clientId"] = id;
        }

        if (record.ContainsKey("tenantClientId"))
        {
            record["tenantClientId"] = id;
        }

        if (record.ContainsKey("tenantClient"))
        {
            record["tenantClient"] = new JsonObject
            {
                ["id"] = id,
                ["uuid"] = client["uuid"]?.DeepClone(),
                ["name"] = client["name"]?.DeepClone(),
                ["status"] = client["status"]?.DeepClone(),
            };
        }

        if (record.ContainsKey("client"))
        {
            record["client"] = new JsonObject { ["id"] = id, ["status"] = client["status"]?.DeepClone() };
        }
    }
}
