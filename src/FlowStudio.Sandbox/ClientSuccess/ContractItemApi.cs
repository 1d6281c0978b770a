using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

// Contract item routes have no public documentation; they are shaped like their documented neighbours (contract v2 items[]).
internal static class ContractItemApi
{
    public static RouteGroupBuilder MapContractItemApi(this RouteGroupBuilder group)
    {
        group.MapPost("/v2/contract/{id}/items", AddAsync);
        group.MapPut("/v2/contract/{id}/items", UpdateAsync);
        return group;
    }

    /// <summary>Adds one item or an array of items; the contract's totals follow. Answers with the whole contract.</summary>
    private static async Task<IResult> AddAsync(string id, HttpRequest request, ClientSuccessStore store)
    {
        var (items, error) = await RequestBody.ReadItemsAsync(request, allowSingle: true, wrapper: "items");
        if (error is not null)
        {
            return error;
        }

        var batch = items!;
        return RecordHandlers.BatchSizeError(batch.Count) ?? store.Use(data =>
        {
            if (data.Contracts.Find(id) is not { } contract)
            {
                return ApiResults.NotFound("Contract", id);
            }

            if (ContractItemRecords.CheckNew(new JsonArray(batch.Select(item => (JsonNode)item.DeepClone()).ToArray()), "items") is { Count: > 0 } errors)
            {
                return ApiResults.Invalid(errors);
            }

            var now = store.NowText();
            foreach (var item in batch)
            {
                ContractItemRecords.Add(data, contract, item, now);
            }

            ContractRecords.Total(contract);
            contract["modifiedTime"] = now;
            return ApiResults.Created(contract);
        });
    }

    /// <summary>Updates items named by their <c>id</c> with the fields sent; answers with the whole contract.</summary>
    private static async Task<IResult> UpdateAsync(string id, HttpRequest request, ClientSuccessStore store)
    {
        var (items, error) = await RequestBody.ReadItemsAsync(request, allowSingle: true, wrapper: "items");
        if (error is not null)
        {
            return error;
        }

        var batch = items!;
        return RecordHandlers.BatchSizeError(batch.Count) ?? store.Use(data =>
        {
            if (data.Contracts.Find(id) is not { } contract)
            {
                return ApiResults.NotFound("Contract", id);
            }

            if (ContractItemRecords.CheckUpdates(contract, batch) is { Count: > 0 } errors)
            {
                return ApiResults.Invalid(errors);
            }

            var now = store.NowText();
            foreach (var item in batch)
            {
                ContractItemRecords.Update(ContractItemRecords.Find(contract, Ids.Long(item, "id")!.Value)!, item, now);
            }

            ContractRecords.Total(contract);
            contract["modifiedTime"] = now;
            return ApiResults.Json(contract);
        });
    }
}
