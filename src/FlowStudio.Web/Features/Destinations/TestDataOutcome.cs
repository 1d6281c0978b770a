namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// What Send Test Data did with one sample payload: the API's status, how long it took and what it answered, or the
/// <see cref="Problem"/> that stopped it before anything was sent.
/// </summary>
public sealed record TestDataOutcome(int Status, long DurationMs, string ResponseBody, string? TransportError, string? Problem)
{
    public bool Succeeded => Problem is null && TransportError is null && Status is >= 200 and < 300;

    public static TestDataOutcome Stopped(string problem) => new(0, 0, "", null, problem);
}
