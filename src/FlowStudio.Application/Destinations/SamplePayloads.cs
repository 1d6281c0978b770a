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

        var sample = await SampleAsync(plan, cancellationToken);
        var (payloads, error) = Outbound(plan, sample, cancellationToken);
        if (error is null && plan.Config.Batching is { Enabled: true, Algorithm: GroupingAlgorithms.Code }
            && payloads!.FirstOrDefault(p => p.Error is not null) is { } failed)
        {
            // A failing group() fails every batch the same way: say so once, on the Code field.
            error = new FieldError("batching.code", failed.Error!);
        }

        if (error is not null)
        {
            return (null, [error]);
        }

        var byId = sample.ToDictionary(r => r.Id);
        return (payloads!.Select(p => ToSample(p, FieldWarnings(plan.Config, p, byId, cancellationToken))).ToList(), []);
    }

    /// <summary>The payloads of the saved destination <paramref name="id"/>; null when there is no such destination.</summary>
    public async Task<(IReadOnlyList<SamplePayload>? Payloads, IReadOnlyList<FieldError> Errors)?> ForDestinationAsync(string id, CancellationToken cancellationToken) =>
        await destinations.GetRequestAsync(id, cancellationToken) is { } request ? await BuildAsync(request, cancellationToken) : null;

    public async Task<(IReadOnlyList<OutboundPayload>? Payloads, FieldError? Error)> OutboundAsync(DestinationPlan plan, CancellationToken cancellationToken) =>
        Outbound(plan, await SampleAsync(plan, cancellationToken), cancellationToken);

    internal static SamplePayload ToSample(OutboundPayload p, IReadOnlyList<string> warnings) =>
        new(p.Method, p.Url, MaskHeaders(p.Headers), p.Body, p.RecordIds.Count, p.Error, warnings);

    private Task<List<DeliveryRecord>> SampleAsync(DestinationPlan plan, CancellationToken cancellationToken)
    {
        var batchSize = plan.Config.Batching.Enabled ? Math.Max(1, plan.Config.Batching.BatchSize) : 1;
        return records.FirstAsync(plan.DatasetId, Math.Min(batchSize * MaxPayloads, 5000), cancellationToken);
    }

    private (IReadOnlyList<OutboundPayload>? Payloads, FieldError? Error) Outbound(DestinationPlan plan, List<DeliveryRecord> sample, CancellationToken cancellationToken)
    {
        try
        {
            return (builder.Build(plan.Config, sample, cancellationToken).Take(MaxPayloads).ToList(), null);
        }
        catch (ScriptException ex)
        {
            return (null, new FieldError("batching.code", ex.Message));
        }
    }

    /// <summary>
    /// One warning per endpoint field that is required but empty, or of another type, in records of
    /// <paramref name="payload"/>, naming the field and the records.
    /// </summary>
    private List<string> FieldWarnings(DestinationConfig config, OutboundPayload payload, Dictionary<long, DeliveryRecord> sample, CancellationToken cancellationToken)
    {
        if (payload.Error is not null || config.Template is not { Fields.Count: > 0 })
        {
            return [];
        }

        var found = new Dictionary<FieldCheck, List<int>>();
        for (var i = 0; i < payload.RecordIds.Count; i++)
        {
            foreach (var check in builder.CheckFields(config, sample[payload.RecordIds[i]], cancellationToken))
            {
                (found.TryGetValue(check, out var at) ? at : found[check] = []).Add(i + 1);
            }
        }

        return
        [
            .. found.Select(f => f.Key.Empty
                ? $"{f.Key.Field} is required but empty in {Records(f.Value, payload.RecordIds.Count)}."
                : $"{f.Key.Field} takes {f.Key.Type} but holds another type in {Records(f.Value, payload.RecordIds.Count)}."),
        ];
    }

    private static string Records(List<int> positions, int total)
    {
        var named = string.Join(", ", positions.Take(3));
        return positions.Count switch
        {
            1 => $"record {named} of {total}",
            <= 3 => $"records {named} of {total}",
            _ => $"records {named} and {positions.Count - 3} more of {total}",
        };
    }

    private static Dictionary<string, string> MaskHeaders(IReadOnlyDictionary<string, string> headers) =>
        headers.ToDictionary(h => h.Key, h => IsSecretHeader(h.Key) ? SecretMask.Bullets : h.Value, StringComparer.OrdinalIgnoreCase);

    private static bool IsSecretHeader(string name) =>
        name.Contains("auth", StringComparison.OrdinalIgnoreCase) || name.Contains("key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("token", StringComparison.OrdinalIgnoreCase) || name.Contains("secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("password", StringComparison.OrdinalIgnoreCase);
}
