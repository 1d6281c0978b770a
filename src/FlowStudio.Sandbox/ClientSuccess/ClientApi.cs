namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>v2 clients: search, create, bulk create, upsert, get, full replace and partial update.</summary>
internal static class ClientApi
{
    private static readonly ResourceWrites Writes = ResourceWrites.Clients;

    public static RouteGroupBuilder MapClientApi(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/client/search", Search);
        group.MapPost("/v2/client", (HttpRequest request, ClientSuccessStore store) => RecordHandlers.CreateAsync(request, store, Writes));
        group.MapPost("/v2/client/bulk", (HttpRequest request, ClientSuccessStore store) => RecordHandlers.BulkCreateAsync(request, store, Writes));
        group.MapPost("/v2/client/upsert", (HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpsertAsync(request, store, Writes, ClientRecords.FindByNaturalKey));
        group.MapGet("/v2/client/{idOrUuid}", (string idOrUuid, ClientSuccessStore store) => RecordHandlers.Get(store, Writes, idOrUuid));
        group.MapPut("/v2/client/{idOrUuid}", (string idOrUuid, HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpdateAsync(request, store, Writes, idOrUuid, replace: true));
        group.MapPatch("/v2/client/{idOrUuid}", (string idOrUuid, HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpdateAsync(request, store, Writes, idOrUuid, replace: false));
        return group;
    }

    private static IResult Search(HttpRequest request, ClientSuccessStore store)
    {
        var (query, error) = SearchQuery.Parse(request.Query, ClientRecords.Shape, "id");
        return error ?? store.Read(data => SearchEnvelope.Build(
            data.Clients.Select()
                .Containing("name", request.Query["name"])
                .Matching("externalId", request.Query["externalId"])
                .Matching("status", request.Query["status"]),
            query!));
    }
}
