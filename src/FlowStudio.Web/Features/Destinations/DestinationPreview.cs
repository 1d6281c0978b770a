using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Templates;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>
/// The Sample Payload panel's content for the unsaved form or a saved destination, and Send Test Data for either:
/// the same planner and payload builder the delivery runs use, so what is shown and tested is what will be sent.
/// </summary>
internal static class DestinationPreview
{
    public static async Task<(SamplePanelState Panel, IReadOnlyList<FieldError> Errors)> ForFormAsync(
        DestinationForm form, SamplePayloads samples, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        var (payloads, buildErrors) = await samples.BuildAsync(request, cancellationToken);
        IReadOnlyList<FieldError> errors = [.. formErrors, .. buildErrors];
        var template = form.IsTemplate && form.TemplateId is not null ? templates.Find(form.TemplateId) : null;
        var panel = new SamplePanelState(
            errors.Count == 0 ? payloads?.Select(PayloadSample.From).ToList() : null, Problems(form, template, errors), form.TestMode);
        return (panel, errors);
    }

    public static async Task<SamplePanelState> ForRequestAsync(CreateDestinationRequest request, bool testMode, SamplePayloads samples, CancellationToken cancellationToken)
    {
        var (payloads, errors) = await samples.BuildAsync(request, cancellationToken);
        return new SamplePanelState(payloads?.Select(PayloadSample.From).ToList(), errors.Select(PanelProblem.From).ToList(), testMode);
    }

    /// <summary>Each error with the label and input of the field that shows it, when the form has one.</summary>
    public static IReadOnlyList<PanelProblem> Problems(DestinationForm form, EndpointTemplate? template, IEnumerable<FieldError> errors) =>
        errors.Select(e => DestinationFields.Find(form, template, e.Field) is { } field
                ? new PanelProblem(e.Message, field.Label, field.InputId)
                : new PanelProblem(e.Message))
            .ToList();

    /// <summary>
    /// Sends sample payload <paramref name="index"/> (its body replaced by <paramref name="edited"/>, which must be JSON)
    /// once, with the destination's credential. Nothing is stored and no record counts as delivered.
    /// </summary>
    public static async Task<TestDataOutcome> SendTestDataAsync(
        CreateDestinationRequest request, int index, string? edited, DestinationPlanner planner, SamplePayloads samples, DeliveryRunner runner,
        CancellationToken cancellationToken)
    {
        var (plan, errors) = await planner.PlanAsync(request, cancellationToken);
        if (plan is null)
        {
            return TestDataOutcome.Stopped("Fix the settings first: " + string.Join(" ", errors.Select(e => e.Message)));
        }

        var (payloads, error) = await samples.OutboundAsync(plan, cancellationToken);
        if (error is not null)
        {
            return TestDataOutcome.Stopped(error.Message);
        }

        if (payloads is null || index < 0 || index >= payloads.Count)
        {
            return TestDataOutcome.Stopped(payloads is { Count: 0 }
                ? "The dataset has no records to build a test payload from; run its source first."
                : "That sample payload is gone: the settings changed. Send one of the payloads shown now.");
        }

        var payload = payloads[index];
        if (payload.Error is { } recordsProblem)
        {
            return TestDataOutcome.Stopped($"These records cannot be sent: {recordsProblem}");
        }

        if (!string.IsNullOrWhiteSpace(edited))
        {
            try
            {
                payload = payload with { Body = JToken.Parse(edited).ToString(Formatting.None) };
            }
            catch (JsonReaderException ex)
            {
                return TestDataOutcome.Stopped($"The edited payload is not valid JSON: {ex.Message}");
            }
        }

        var result = await runner.SendTestDataAsync(plan.Connection, payload, cancellationToken);
        return new TestDataOutcome(result.Status, result.DurationMs, result.ResponseBody, result.Error, null);
    }
}
