namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Pulses: search (newest first), create, and get by uuid.</summary>
internal static class PulseApi
{
    public static RouteGroupBuilder MapPulseApi(this RouteGroupBuilder group)
    {
        group.MapGet("/v2/pulse/search", Search);
        group.MapPost("/v2/pulse", CreateAsync);
        group.MapGet("/v2/pulse/{uuid}", Get);
        return group;
    }

    private static IResult Search(HttpRequest request, ClientSuccessStore store)
    {
        var (query, error) = SearchQuery.Parse(request.Query, PulseRecords.Shape, "createdTimestamp", defaultDescending: true);
        return error ?? store.Read(data => SearchEnvelope.Build(
            data.Pulses.Select()
                .ByClient(data, request.Query["clientId"])
                .Containing("note", request.Query["note"])
                .Containing("subject", request.Query["subject"]),
            query!));
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, ClientSuccessStore store)
    {
        var (body, error) = await RequestBody.ReadObjectAsync(request);
        if (error is not null)
        {
            return error;
        }

        if (PulseRecords.HasUnparseableDisposition(body!))
        {
            return ApiResults.BadRequest(RequestBody.Unparseable);
        }

        return store.Use(data => PulseRecords.Check(data, body!) is { Count: > 0 } errors
            ? ApiResults.Invalid(errors)
            : ApiResults.Created(PulseRecords.Insert(data, body!, store.NowText())));
    }

    private static IResult Get(string uuid, ClientSuccessStore store) => store.Read(data =>
        data.Pulses.FindStored(uuid) is { } pulse ? ApiResults.Stored(pulse) : ApiResults.NotFound("Pulse", uuid));
}
