using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

// The Workato client-note endpoints have no public documentation; they are shaped like their documented neighbours
// (client-note fields in, client notes and per-item outcomes out).
internal static class ClientNoteWorkatoApi
{
    public static RouteGroupBuilder MapClientNoteWorkatoApi(this RouteGroupBuilder group)
    {
        group.MapPost("/v2/workato/clientNote/bulkUpsert", BulkUpsertAsync);
        group.MapPost("/v2/workato/clientNote/transcript", CreateFromTranscriptAsync);
        return group;
    }

    /// <summary>Upserts notes by <c>id</c>, else by <c>externalSystemId</c>; an item without either is created.</summary>
    private static Task<IResult> BulkUpsertAsync(HttpRequest request, ClientSuccessStore store)
    {
        var level = request.Query["loggingLevel"].ToString().ToUpperInvariant();
        if (level.Length == 0)
        {
            level = "INFO";
        }

        if (!BatchUpsert.LoggingLevels.Contains(level))
        {
            return Task.FromResult(ApiResults.BadRequest($"loggingLevel must be one of {string.Join(", ", BatchUpsert.LoggingLevels)}"));
        }

        return BatchUpsert.RunAsync(request, store, ResourceWrites.ClientNotes, Match, level);
    }

    private static (JsonObject? Existing, FieldError? Error) Match(ClientSuccessData data, JsonObject item)
    {
        if (Ids.Text(item["id"]) is { } id)
        {
            return data.ClientNotes.Find(id) is { } note ? (note, null) : (null, new FieldError("id", $"Client note {id} not found"));
        }

        var externalId = Ids.Text(item["externalSystemId"]);
        return string.IsNullOrEmpty(externalId)
            ? (null, null)
            : (data.ClientNotes.LiveMatching(RecordKey.ExternalSystemId, externalId).FirstOrDefault(note => Ids.String(note, "externalSystemId") == externalId), null);
    }

    private static async Task<IResult> CreateFromTranscriptAsync(HttpRequest request, ClientSuccessStore store)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        if (Ids.String(body!, "transcript") is not { } transcript || string.IsNullOrWhiteSpace(transcript))
        {
            return ApiResults.Invalid("transcript", "transcript is required");
        }

        var hostEmail = Ids.String(body!, "hostEmail");
        var participants = Strings(body!["participants"]);
        var (subject, html, everyone) = TranscriptNote.Build(transcript, participants, Strings(body["customNoteHeaders"]));
        return store.Use(data =>
        {
            var client = body["clientId"] is { } reference ? data.Clients.Find(reference) : ClientOfAnyone(data, hostEmail, participants);
            if (client is null)
            {
                return ApiResults.Invalid("clientId", body["clientId"] is null
                    ? "clientId is required when neither the host nor a participant is a known contact"
                    : $"clientId {Ids.Text(body["clientId"])} does not match an existing client");
            }

            var note = new JsonObject
            {
                ["clientId"] = Ids.Of(client),
                ["subject"] = subject,
                ["note"] = html,
                ["interactionTypeId"] = 3,
                ["author"] = hostEmail,
                ["sourceId"] = "transcript",
                ["properties"] = new JsonObject
                {
                    ["hostEmail"] = hostEmail,
                    ["participants"] = new JsonArray(everyone.Select(name => (JsonNode?)name).ToArray()),
                    ["additionalPrompt"] = Ids.String(body, "additionalPrompt"),
                },
            };
            return ApiResults.Created(ClientNoteRecords.Insert(data, note, store.NowText()));
        });
    }

    /// <summary>The client of the first of host and participants whose email belongs to a contact.</summary>
    private static JsonObject? ClientOfAnyone(ClientSuccessData data, string? hostEmail, IReadOnlyList<string> participants) =>
        participants.Prepend(hostEmail ?? string.Empty)
            .Select(person => ContactRecords.FindByEmail(data, person))
            .Where(contact => contact is not null)
            .Select(contact => data.Clients.Find(contact!["clientId"]))
            .FirstOrDefault(client => client is not null);

    /// <summary>A list sent as a JSON array (of strings, or of objects with email/name) or as one comma-separated string.</summary>
    private static List<string> Strings(JsonNode? node) => node switch
    {
        JsonArray array => array.Select(item => item is JsonObject person ? Ids.Text(person["email"]) ?? Ids.Text(person["name"]) : Ids.Text(item))
            .Where(text => !string.IsNullOrWhiteSpace(text)).Select(text => text!.Trim()).ToList(),
        JsonValue value when Ids.Text(value) is { } text => text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList(),
        _ => [],
    };
}
