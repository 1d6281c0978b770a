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
    public static void Link(JsonObject record, JsonObject client) => Link(record.ContainsKey, (field, value) => record[field] = value, client, Summary);

    /// <summary>As <see cref="Link(JsonObject, JsonObject)"/>; a seeded record only writes its summary, so one per client serves them all.</summary>
    public static void Link(SeedRecord record, JsonObject client, Dictionary<long, JsonObject> summaries) =>
        Link(record.HasField, record.Set, client, client => summaries.TryGetValue(Ids.Of(client), out var summary)
            ? summary
            : summaries[Ids.Of(client)] = Summary(client));

    private static JsonObject Summary(JsonObject client) => new()
    {
        ["id"] = Ids.Of(client),
        ["uuid"] = client["uuid"]?.DeepClone(),
        ["name"] = client["name"]?.DeepClone(),
        ["status"] = client["status"]?.DeepClone(),
    };

    private static void Link(Func<string, bool> has, Action<string, JsonNode?> set, JsonObject client, Func<JsonObject, JsonObject> summary)
    {
        var id = Ids.Of(client);
        if (has("clientId"))
        {
            set("clientId", id);
        }

        if (has("tenantClientId"))
        {
            set("tenantClientId", id);
        }

        if (has("tenantClient"))
        {
            set("tenantClient", summary(client));
        }

        if (has("client"))
        {
            set("client", new JsonObject { ["id"] = id, ["status"] = client["status"]?.DeepClone() });
        }
    }
}
