namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Client notes: search, create, get, full replace, partial update and delete.</summary>
internal static class ClientNoteApi
{
    private static readonly ResourceWrites Writes = ResourceWrites.ClientNotes;

    public static RouteGroupBuilder MapClientNoteApi(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/clientNote/search", Search);
        group.MapPost("/v2/clientNote", (HttpRequest request, ClientSuccessStore store) => RecordHandlers.CreateAsync(request, store, Writes));
        group.MapGet("/v2/clientNote/{id}", (string id, ClientSuccessStore store) => RecordHandlers.Get(store, Writes, id));
        group.MapPut("/v2/clientNote/{id}", (string id, HttpRequest request, ClientSuccessStore store) => RecordHandlers.UpdateAsync(request, store, Writes, id, replace: true));
        group.MapPatch("/v2/clientNote/{id}", (string id, HttpRequest request, ClientSuccessStore store) => RecordHandlers.UpdateAsync(request, store, Writes, id, replace: false));
        group.MapDelete("/v2/clientNote/{id}", (string id, ClientSuccessStore store) => RecordHandlers.Delete(store, Writes, id));
        return group;
    }

    private static IResult Search(HttpRequest request, ClientSuccessStore store)
    {
        var (query, error) = SearchQuery.Parse(request.Query, ClientNoteRecords.Shape, "createdTime", defaultDescending: true);
        return error ?? store.Read(data => SearchEnvelope.Build(data.ClientNotes.Select().ByClient(data, request.Query["clientId"]), query!));
    }
}
