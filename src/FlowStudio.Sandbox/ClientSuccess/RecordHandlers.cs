using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>The get, create, update, delete, bulk and upsert handlers every v2 resource shares.</summary>
internal static class RecordHandlers
{
    public const int MaxBatch = 100;

    public static IResult Get(ClientSuccessStore store, ResourceWrites writes, string idOrUuid) => store.Read(data =>
        writes.Collection(data).FindStored(idOrUuid) is { } record ? ApiResults.Stored(record) : ApiResults.NotFound(writes.Name, idOrUuid));

    public static async Task<IResult> CreateAsync(HttpRequest request, ClientSuccessStore store, ResourceWrites writes)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        return error ?? store.Use(data =>
            writes.Check(data, body!, true) is { Count: > 0 } errors
                ? ApiResults.Invalid(errors)
                : ApiResults.Created(writes.Insert(data, body!, store.NowText())));
    }

    /// <param name="replace">True for PUT (omitted fields become null), false for PATCH (only sent fields change).</param>
    public static async Task<IResult> UpdateAsync(HttpRequest request, ClientSuccessStore store, ResourceWrites writes, string idOrUuid, bool replace)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        return error ?? store.Use(data =>
        {
            if (writes.Collection(data).Find(idOrUuid) is not { } existing)
            {
                return ApiResults.NotFound(writes.Name, idOrUuid);
            }

            return writes.Check(data, body!, replace) is { Count: > 0 } errors
                ? ApiResults.Invalid(errors)
                : ApiResults.Json(writes.Update(data, existing, body!, replace, store.NowText()));
        });
    }

    public static IResult Delete(ClientSuccessStore store, ResourceWrites writes, string idOrUuid) => store.Use(data =>
    {
        var collection = writes.Collection(data);
        return collection.FindStored(idOrUuid) is { } record && collection.Remove(record.Id)
            ? Results.NoContent()
            : ApiResults.NotFound(writes.Name, idOrUuid);
    });

    /// <summary>Creates up to 100 records from an array (or <c>{"add": [...]}</c>); any invalid item rejects the whole batch.</summary>
    public static async Task<IResult> BulkCreateAsync(HttpRequest request, ClientSuccessStore store, ResourceWrites writes)
    {
        var (items, error) = await RequestBody.ReadItemsAsync(request, allowSingle: false, wrapper: "add");
        if (error is not null)
        {
            return error;
        }

        var batch = items!;
        if (BatchSizeError(batch.Count) is { } sizeError)
        {
            return sizeError;
        }

        return store.Use(data =>
        {
            var errors = batch.SelectMany((item, index) => writes.Check(data, item, true)
                .Select(problem => new FieldError($"[{index}].{problem.Field}", $"item {index}: {problem.Message}"))).ToList();
            if (errors.Count > 0)
            {
                return ApiResults.Invalid(errors, "Batch rejected, nothing was created: " + string.Join("; ", errors.Select(problem => problem.Message)));
            }

            var now = store.NowText();
            var created = new JsonArray();
            foreach (var item in batch)
            {
                created.Add(writes.Insert(data, item, now).DeepClone());
            }

            return Results.Json(created, statusCode: StatusCodes.Status201Created);
        });
    }

    /// <summary>Updates the record matching the body's natural key (200) or creates one (201).</summary>
    /// <param name="requiredKey">A field the body must carry for the match to mean anything (email for contacts).</param>
    public static async Task<IResult> UpsertAsync(
        HttpRequest request, ClientSuccessStore store, ResourceWrites writes, Func<ClientSuccessData, JsonObject, JsonObject?> match, string? requiredKey = null)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        if (requiredKey is not null && string.IsNullOrWhiteSpace(Ids.Text(body![requiredKey])))
        {
            return ApiResults.Invalid(requiredKey, $"{requiredKey} is required to upsert a {writes.Name.ToLowerInvariant()}");
        }

        return store.Use(data =>
        {
            var existing = match(data, body!);
            if (writes.Check(data, body!, existing is null) is { Count: > 0 } errors)
            {
                return ApiResults.Invalid(errors);
            }

            var now = store.NowText();
            return existing is null
                ? ApiResults.Created(writes.Insert(data, body!, now))
                : ApiResults.Json(writes.Update(data, existing, body!, false, now));
        });
    }

    public static IResult? BatchSizeError(int count) => count switch
    {
        0 => ApiResults.BadRequest("The batch is empty: send 1 to 100 items"),
        > MaxBatch => ApiResults.BadRequest($"A batch accepts at most {MaxBatch} items; this one has {count}"),
        _ => null,
    };
}
