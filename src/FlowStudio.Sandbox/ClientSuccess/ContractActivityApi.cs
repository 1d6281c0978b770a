using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

// Contract notes and attachments have no public documentation; they are shaped like their documented neighbours
// (client-note fields, the v2 search envelope).
internal static class ContractActivityApi
{
    public static RouteGroupBuilder MapContractActivityApi(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/contract/{id}/notes/search", (string id, HttpRequest request, ClientSuccessStore store) =>
            Search(id, request, store, data => data.ContractNotes, ContractNoteRecords.Shape));
        group.MapPost("/v2/contract/{id}/notes", (string id, HttpRequest request, ClientSuccessStore store) =>
            CreateAsync(id, request, store, ContractNoteRecords.Shape, (data, contract, body, now) => ContractNoteRecords.Insert(data, Ids.Of(contract), body, now)));
        group.MapGet("/v2/contract/{id}/attachments/search", (string id, HttpRequest request, ClientSuccessStore store) =>
            Search(id, request, store, data => data.ContractAttachments, ContractAttachmentRecords.Shape));
        group.MapPost("/v2/contract/{id}/attachments", (string id, HttpRequest request, ClientSuccessStore store) =>
            CreateAsync(id, request, store, ContractAttachmentRecords.Shape, ContractAttachmentRecords.Insert));
        return group;
    }

    private static IResult Search(string id, HttpRequest request, ClientSuccessStore store, Func<ClientSuccessData, RecordCollection> collection, ResourceShape shape)
    {
        var (query, error) = SearchQuery.Parse(request.Query, shape, "createdTime", defaultDescending: true);
        return error ?? store.Read(data => data.Contracts.FindStored(id) is { } contract
            ? SearchEnvelope.Build(collection(data).Select().WithReference("contractId", contract.Id), query!)
            : ApiResults.NotFound("Contract", id));
    }

    private static async Task<IResult> CreateAsync(
        string id, HttpRequest request, ClientSuccessStore store, ResourceShape shape, Func<ClientSuccessData, JsonObject, JsonObject, string, JsonObject> insert)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        return error ?? store.Use(data =>
        {
            if (data.Contracts.Find(id) is not { } contract)
            {
                return ApiResults.NotFound("Contract", id);
            }

            return shape.Validate(body!, requireAll: true) is { Count: > 0 } errors
                ? ApiResults.Invalid(errors)
                : ApiResults.Created(insert(data, contract, body!, store.NowText()));
        });
    }
}
