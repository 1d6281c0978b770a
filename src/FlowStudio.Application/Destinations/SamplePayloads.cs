using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Application.Destinations;

/// <summary>The Sample Payload panel: requests built from the dataset's first records by the same builder that sends.</summary>
internal sealed class SamplePayloads(DestinationService destinations, DestinationPlanner planner, PayloadBuilder builder, DeliveryStore records)
{
    public const int MaxPayloads = 5;

    public async Task<(IReadOnlyList<SamplePayload>? Payloads, IReadOnlyList<FieldError> Errors)> BuildAsync(CreateDestinationRequest request, CancellationToken cancellationToken)
    {
        var (plan, errors) = await planner.PlanAsync(request, cancellationToken);
        if (plan is null)
        {
            return (null, errors);
        }

        var (payloads, error) = await OutboundAsync(plan, cancellationToken);
        if (error is null && plan.Config.Batching is { Enabled: true, Algorithm: GroupingAlgorithms.Code }
            && payloads!.FirstOrDefault(p => p.Error is not null) is { } failed)
        {
            // A failing group() fails every batch the same way: say so once, on the Code field.
            error = new FieldError("batching.code", failed.Error!);
        }

        return error is not null ? (null, [error]) : (payloads!.Select(ToSample).ToList(), []);
    }

    /// <summary>The payloads of the saved destination <paramref name="id"/>; null when there is no such destination.</summary>
    public async Task<(IReadOnlyList<SamplePayload>? Payloads, IReadOnlyList<FieldError> Errors)?> ForDestinationAsync(string id, CancellationToken cancellationToken) =>
        await destinations.GetRequestAsync(id, cancellationToken) is { } request ? await BuildAsync(request, cancellationToken) : null;

    public async Task<(IReadOnlyList<OutboundPayload>? Payloads, FieldError? Error)> OutboundAsync(DestinationPlan plan, CancellationToken cancellationToken)
    {
        var batchSize = plan.Config.Batching.Enabled ? Math.Max(1, plan.Config.Batching.BatchSize) : 1;
        var sample = await records.FirstAsync(plan.DatasetId, Math.Min(batchSize * MaxPayloads, 5000), cancellationToken);
        try
        {
            return (builder.Build(plan.Config, sample, cancellationToken).Take(MaxPayloads).ToList(), null);
        }
        catch (ScriptException ex)
        {
            return (null, new FieldError("batching.code", ex.Message));
        }
    }

    internal static SamplePayload ToSample(OutboundPayload p) =>
        new(p.Method, p.Url, MaskHeaders(p.Headers), p.Body, p.RecordIds.Count, p.Error);

    private static Dictionary<string, string> MaskHeaders(IReadOnlyDictionary<string, string> headers) =>
        headers.ToDictionary(h => h.Key, h => IsSecretHeader(h.Key) ? SecretMask.Bullets : h.Value, StringComparer.OrdinalIgnoreCase);

    private static bool IsSecretHeader(string name) =>
        name.Contains("auth", StringComparison.OrdinalIgnoreCase) || name.Contains("key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase);
}
