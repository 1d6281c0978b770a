using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The v1 routes: bare JSON arrays, no paging, served from the same records as v2.</summary>
internal static class ClientSuccessV1Api
{
    public static RouteGroupBuilder MapClientSuccessV1Api(this RouteGroupBuilder group)
    {
        group.MapGet("/v1/clients", ListClients);
        group.MapPost("/v1/clients", CreateClientAsync);
        group.MapGet("/v1/clients/{id}", GetClient);
        group.MapGet("/v1/clients/{id}/contacts", ListContacts);
        group.MapPost("/v1/clients/{id}/contacts", CreateContactAsync);
        group.MapGet("/v1/contacts", FindContact);
        group.MapGet("/v1/clients/{id}/pulses", ListPulses);
        group.MapGet("/v1/clients/{id}/interactions", ListInteractions);
        return group;
    }

    /// <summary>Client summaries; with <c>externalId</c>, that one client's detail object (not an array) or 404.</summary>
    private static IResult ListClients(HttpRequest request, ClientSuccessStore store) => store.Read(data =>
    {
        var externalId = request.Query["externalId"].ToString();
        if (externalId.Length > 0)
        {
            return ClientRecords.FindByExternalId(data, externalId) is { } found
                ? ApiResults.Json(V1Views.ClientDetail(data, found))
                : ApiResults.NotFound("Client with externalId", externalId);
        }

        var activeOnly = bool.TryParse(request.Query["activeOnly"], out var active) && active;
        var csm = request.Query["assignedCsmId"].ToString();
        var summaries = data.Clients.All
            .Where(client => !activeOnly || client["active"] is JsonValue flag && flag.GetValue<bool>())
            .Select(V1Views.ClientSummary)
            .Where(summary => csm.Length == 0 || Ids.Text(summary["managedByEmployeeId"]) == csm);
        return ApiResults.Array(summaries);
    });

    private static IResult GetClient(string id, ClientSuccessStore store) => store.Read(data =>
        data.Clients.Find(id) is { } client ? ApiResults.Json(V1Views.ClientDetail(data, client)) : ApiResults.NotFound("Client", id));

    /// <summary>201 with the client detail and a Location header naming the new client.</summary>
    private static async Task<IResult> CreateClientAsync(HttpRequest request, ClientSuccessStore store)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        var (fields, extras, errors) = V1Requests.Client(body!);
        errors.AddRange(ClientRecords.Check(fields, requireAll: true));
        if (errors.Count > 0)
        {
            return ApiResults.Invalid(errors);
        }

        return store.Use(data =>
        {
            var client = ClientRecords.Insert(data, fields, store.NowText());
            data.ClientV1Fields[Ids.Of(client)] = extras;
            request.HttpContext.Response.Headers.Location = $"{request.PathBase}{request.Path}/{Ids.Of(client)}";
            return ApiResults.Created(V1Views.ClientDetail(data, client));
        });
    }

    private static IResult ListContacts(string id, ClientSuccessStore store) => store.Read(data =>
        data.Clients.Find(id) is { } client
            ? ApiResults.Array(data.Contacts.LiveMatching(RecordKey.ClientId, RecordKey.Number(Ids.Of(client)))
                .Select(contact => V1Views.Contact(data, contact)))
            : ApiResults.NotFound("Client", id));

    /// <summary>200 (not 201) with the contact, as the real v1 route answers.</summary>
    private static async Task<IResult> CreateContactAsync(string id, HttpRequest request, ClientSuccessStore store)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        return error ?? store.Use(data =>
        {
            if (data.Clients.Find(id) is not { } client)
            {
                return ApiResults.NotFound("Client", id);
            }

            var fields = V1Requests.Contact(body!, Ids.Of(client));
            return ContactRecords.Check(data, fields, requireAll: true) is { Count: > 0 } errors
                ? ApiResults.Invalid(errors)
                : ApiResults.Json(V1Views.Contact(data, ContactRecords.Insert(data, fields, store.NowText())));
        });
    }

    /// <summary>One contact by client externalId and/or email; 404 when none matches.</summary>
    private static IResult FindContact(HttpRequest request, ClientSuccessStore store)
    {
        var externalId = request.Query["clientExternalId"].ToString();
        var email = request.Query["email"].ToString();
        if (externalId.Length == 0 && email.Length == 0)
        {
            return ApiResults.BadRequest("Send clientExternalId and/or email");
        }

        return store.Read(data =>
        {
            long? clientId = externalId.Length == 0
                ? null
                : ClientRecords.FindByExternalId(data, externalId) is { } client ? Ids.Of(client) : -1L;
            var candidates = email.Length > 0
                ? data.Contacts.LiveMatching(RecordKey.Email, email)
                : data.Contacts.LiveMatching(RecordKey.ClientId, RecordKey.Number(clientId!.Value));
            var contact = candidates.FirstOrDefault(contact =>
                (clientId is null || Ids.Long(contact, "clientId") == clientId)
                && (email.Length == 0 || string.Equals(Ids.String(contact, "email"), email, StringComparison.OrdinalIgnoreCase)));
            return contact is null ? ApiResults.NotFound("Contact", email.Length > 0 ? email : externalId) : ApiResults.Json(V1Views.Contact(data, contact));
        });
    }

    private static IResult ListPulses(string id, ClientSuccessStore store) => store.Read(data =>
    {
        if (data.Clients.Find(id) is not { } client)
        {
            return ApiResults.NotFound("Client", id);
        }

        var now = Timestamps.TryParse(store.NowText(), out var parsed) ? parsed : Timestamps.SeedBase;
        var pulses = SearchEnvelope.Sort(data.Pulses.LiveMatching(RecordKey.ClientId, RecordKey.Number(Ids.Of(client))), "createdTimestamp", descending: true).ToList();
        var views = pulses.Select((pulse, index) => V1Views.Pulse(
            pulse, index == 0 || !Timestamps.TryParse(Ids.String(pulses[index - 1], "createdTimestamp"), out var next) ? now : next));
        return ApiResults.Array(views);
    });

    private static IResult ListInteractions(string id, ClientSuccessStore store) => store.Read(data =>
        data.Clients.Find(id) is { } client
            ? ApiResults.Array(SearchEnvelope.Sort(
                    data.ClientNotes.LiveMatching(RecordKey.ClientId, RecordKey.Number(Ids.Of(client))), "createdTime", descending: true)
                .Select(V1Views.Interaction))
            : ApiResults.NotFound("Client", id));
}
