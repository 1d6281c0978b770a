using FlowStudio.Engine;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// What Send Test Data did with one sample payload: the API's status, how long it took and what it answered, or the
/// <see cref="Problems"/> that stopped it before anything was sent.
/// </summary>
public sealed record TestDataOutcome(int Status, long DurationMs, string ResponseBody, string? TransportError, IReadOnlyList<FieldError> Problems)
{
    /// <summary>The field of a problem with which payload to send (the API answers it with 422).</summary>
    public const string IndexField = "index";

    public bool Sent => Problems.Count == 0;

    public bool Succeeded => Sent && TransportError is null && Status is >= 200 and < 300;

    public static TestDataOutcome Stopped(params FieldError[] problems) => new(0, 0, "", null, problems);
}
