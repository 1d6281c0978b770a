using FlowStudio.Engine;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Application.Sources;

/// <summary>What the Endpoint Test Result panel shows: a sample, the field errors that stopped the test, or the API's failure.</summary>
public sealed record EndpointTestResult(SourceSample? Sample, IReadOnlyList<FieldError> Errors, SourceRequestException? ApiFailure)
{
    internal static EndpointTestResult From(SourceTestOutcome outcome) => new(outcome.Sample, outcome.Errors, outcome.ApiFailure);
}
