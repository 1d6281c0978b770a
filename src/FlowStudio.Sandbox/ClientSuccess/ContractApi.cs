namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>v2 contracts: search, create, upsert, get and full replace.</summary>
internal static class ContractApi
{
    private static readonly ResourceWrites Writes = ResourceWrites.Contracts;

    public static RouteGroupBuilder MapContractApi(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/contract/search", Search);
        group.MapPost("/v2/contract", (HttpRequest request, ClientSuccessStore store) => RecordHandlers.CreateAsync(request, store, Writes));
        group.MapPost("/v2/contract/upsert", (HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpsertAsync(request, store, Writes, ContractRecords.FindByNaturalKey));
        group.MapGet("/v2/contract/{idOrUuid}", (string idOrUuid, ClientSuccessStore store) => RecordHandlers.Get(store, Writes, idOrUuid));
        group.MapPut("/v2/contract/{idOrUuid}", (string idOrUuid, HttpRequest request, ClientSuccessStore store) =>
            RecordHandlers.UpdateAsync(request, store, Writes, idOrUuid, replace: true));
        return group;
    }

    private static IResult Search(HttpRequest request, ClientSuccessStore store)
    {
        var (query, error) = SearchQuery.Parse(request.Query, ContractRecords.Shape, "id");
        var client = request.Query["tenantClientId"].ToString() is { Length: > 0 } tenantClientId ? tenantClientId : request.Query["clientId"].ToString();
        return error ?? store.Read(data => SearchEnvelope.Build(data.Contracts.Select().ByClient(data, client, "tenantClientId"), query!));
    }
}
