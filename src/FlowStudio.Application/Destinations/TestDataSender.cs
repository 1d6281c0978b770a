using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;

namespace FlowStudio.Application.Destinations;

/// <summary>
/// Send Test Data, for the editor's unsaved settings, a saved destination's page and <c>POST /api/destinations/{id}/test</c>:
/// sample payload <c>index</c> (its body replaced by an edited one, which must be JSON when the Content Format is JSON) is built by the same planner
/// and payload builder as delivery, and sent once with the destination's credential, within its rate budget. Nothing is stored and no record
/// counts as delivered.
/// </summary>
internal sealed class TestDataSender(DestinationService destinations, DestinationPlanner planner, SamplePayloads samples, DeliveryRunner runner, RateBudgets budgets)
{
    /// <summary>Sends a test payload of the saved destination <paramref name="id"/>; null when there is no such destination.</summary>
    public async Task<TestDataOutcome?> SendAsync(string id, int index, string? edited, CancellationToken cancellationToken) =>
        await destinations.GetRequestAsync(id, cancellationToken) is { } request ? await SendAsync(request, index, edited, cancellationToken) : null;

    public async Task<TestDataOutcome> SendAsync(CreateDestinationRequest request, int index, string? edited, CancellationToken cancellationToken)
    {
        if (edited is not null && InputLimits.Check("payload", edited, InputLimits.PayloadEdit) is { } tooLong)
        {
            return TestDataOutcome.Stopped(tooLong);
        }

        var (plan, errors) = await planner.PlanAsync(request, cancellationToken);
        if (plan is null)
        {
            return TestDataOutcome.Stopped([.. errors]);
        }

        var (payloads, error) = await samples.OutboundAsync(plan, cancellationToken);
        if (error is not null)
        {
            return TestDataOutcome.Stopped(error);
        }

        if (payloads is null || index < 0 || index >= payloads.Count)
        {
            return TestDataOutcome.Stopped(new FieldError(TestDataOutcome.IndexField, payloads is { Count: 0 }
                ? "The dataset has no records to build a test payload from; run its source first."
                : index < 0 || index >= SamplePayloads.MaxPayloads
                    ? $"index must be between 0 (the first sample payload) and {(payloads?.Count ?? 1) - 1}."
                    : $"There is no sample payload {index + 1} any more: the settings changed. Send one of the payloads shown now."));
        }

        var payload = payloads[index];
        if (payload.Error is { } recordsProblem)
        {
            return TestDataOutcome.Stopped(new FieldError("payload", $"These records cannot be sent: {recordsProblem}"));
        }

        if (!string.IsNullOrWhiteSpace(edited))
        {
            try
            {
                if (plan.Config.ContentFormat == ContentFormats.Json)
                {
                    JsonText.Check(edited);
                }
            }
            catch (InvalidJsonException ex)
            {
                return TestDataOutcome.Stopped(new FieldError("payload", JsonProblems.Describe("The edited payload", ex, "or reset it to the sample")));
            }

            payload = payload with { Body = edited };
        }

        var budget = request.CredentialId is { } credentialId ? budgets.For(credentialId, plan.Connection.Connector) : null;
        var result = await runner.SendTestDataAsync(plan.Connection, payload, budget, cancellationToken);
        return new TestDataOutcome(result.Status, result.DurationMs, Excerpt.Of(result.ResponseBody), result.Error, []);
    }
}
