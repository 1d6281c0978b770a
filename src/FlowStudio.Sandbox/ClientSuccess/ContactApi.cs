using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>v2 contacts: search, create, bulk create, upsert by email, the Workato batch upsert, get, PUT, PATCH and DELETE.</summary>
internal static class ContactApi
{
    private static readonly ResourceWrites Writes = ResourceWrites.Contacts;

    public static RouteGroupBuilder MapContactApi(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/contact/search", Search);
        group.MapPost("/v2/contact", (HttpRequest request, ClientSuccessStore store) => RecordHandlers.CreateAsync(request, store, Writes));
        group.MapPost("/v2/contact/bulk", (HttpRequest request, ClientSuccessStore store) => RecordHandlers.BulkCreateAsync(request, store, Writes));
        group.MapPost("/v2/contact/upsert", (HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpsertAsync(request, store, Writes, (data, body) => ContactRecords.FindByEmail(data, Ids.String(body, "email")), requiredKey: "email"));

        // The Workato batch upsert has no public documentation; it is shaped like its documented neighbours (contact fields in).
        group.MapPost("/v2/workato/contact/batchUpsert", (HttpRequest request, ClientSuccessStore store) =>
            BatchUpsert.RunAsync(request, store, Writes, MatchByEmail));
        group.MapGet("/v2/contact/{idOrUuid}", (string idOrUuid, ClientSuccessStore store) => RecordHandlers.Get(store, Writes, idOrUuid));
        group.MapPut("/v2/contact/{idOrUuid}", (string idOrUuid, HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpdateAsync(request, store, Writes, idOrUuid, replace: true));
        group.MapPatch("/v2/contact/{idOrUuid}", (string idOrUuid, HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpdateAsync(request, store, Writes, idOrUuid, replace: false));
        group.MapDelete("/v2/contact/{idOrUuid}", (string idOrUuid, ClientSuccessStore store) => RecordHandlers.Delete(store, Writes, idOrUuid));
        return group;
    }

    private static IResult Search(HttpRequest request, ClientSuccessStore store)
    {
        var (query, error) = SearchQuery.Parse(request.Query, ContactRecords.Shape, "id");
        return error ?? store.Read(data => SearchEnvelope.Build(
            data.Contacts.Select()
                .ByClient(data, request.Query["clientId"])
                .Matching("email", request.Query["email"]),
            query!));
    }

    private static (JsonObject? Existing, FieldError? Error) MatchByEmail(ClientSuccessData data, JsonObject item) =>
        string.IsNullOrWhiteSpace(Ids.String(item, "email"))
            ? (null, new FieldError("email", "email is required to upsert a contact"))
            : (ContactRecords.FindByEmail(data, Ids.String(item, "email")), null);
}
