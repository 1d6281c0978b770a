using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// The Workato-style batch upserts: each item is matched, validated and written on its own, and the response reports
/// every item's outcome instead of rejecting the batch.
/// </summary>
internal static class BatchUpsert
{
    public static readonly IReadOnlyList<string> LoggingLevels = ["NONE", "ERROR", "WARN", "INFO", "DEBUG"];

    /// <param name="match">Finds the record an item updates; returns an error when the item cannot be matched (names a missing record, lacks its key).</param>
    public static async Task<IResult> RunAsync(
        HttpRequest request,
        ClientSuccessStore store,
        ResourceWrites writes,
        Func<ClientSuccessData, JsonObject, (JsonObject? Existing, FieldError? Error)> match,
        string loggingLevel = "INFO")
    {
        var (items, error) = await RequestBody.ReadItemsAsync(request, allowSingle: false);
        if (error is not null)
        {
            return error;
        }

        var batch = items!;
        if (RecordHandlers.BatchSizeError(batch.Count) is { } sizeError)
        {
            return sizeError;
        }

        return store.Use(data =>
        {
            var now = store.NowText();
            var results = new JsonArray();
            var logs = new JsonArray();
            var tally = new Dictionary<string, int> { ["created"] = 0, ["updated"] = 0, ["failed"] = 0 };
            for (var index = 0; index < batch.Count; index++)
            {
                var item = batch[index];
                var (existing, missing) = match(data, item);
                var errors = missing is not null ? [missing] : writes.Check(data, item, existing is null);
                var outcome = errors.Count > 0 ? "failed" : existing is null ? "created" : "updated";
                tally[outcome]++;
                var result = new JsonObject { ["index"] = index, ["status"] = outcome };
                if (errors.Count > 0)
                {
                    result["errors"] = new JsonArray(errors.Select(problem => (JsonNode)new JsonObject { ["field"] = problem.Field, ["message"] = problem.Message }).ToArray());
                }
                else
                {
                    var record = existing is null ? writes.Insert(data, item, now) : writes.Update(data, existing, item, false, now);
                    result["id"] = Ids.Of(record);
                    result["uuid"] = record["uuid"]?.DeepClone();
                }

                results.Add(result);
                Log(logs, loggingLevel, index, outcome, errors, item);
            }

            var response = new JsonObject
            {
                ["created"] = tally["created"],
                ["updated"] = tally["updated"],
                ["failed"] = tally["failed"],
                ["results"] = results,
            };
            if (loggingLevel != "NONE")
            {
                response["logs"] = logs;
            }

            return Results.Json(response);
        });
    }

    private static void Log(JsonArray logs, string level, int index, string outcome, List<FieldError> errors, JsonObject item)
    {
        var failed = errors.Count > 0;
        if (level == "NONE" || (!failed && level is "ERROR" or "WARN"))
        {
            return;
        }

        var line = failed
            ? $"ERROR item {index}: {string.Join("; ", errors.Select(problem => problem.Message))}"
            : $"INFO item {index}: {outcome}";
        if (level == "DEBUG")
        {
            line += $" (fields: {string.Join(", ", item.Select(pair => pair.Key))})";
        }

        logs.Add(line);
    }
}
