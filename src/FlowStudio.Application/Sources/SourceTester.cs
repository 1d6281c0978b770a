using FlowStudio.Engine;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Application.Sources;

/// <summary>"Test": fetches the first page with the current settings and returns sample records, metadata and path suggestions.</summary>
internal sealed class SourceTester(SourcePlanner planner, SourceReader reader, SourceService sources)
{
    public const int SampleSize = 50;

    /// <summary>Tests a saved source as it is stored (the source page's Test, <c>POST /api/sources/{id}/test</c>); null when it does not exist.</summary>
    public async Task<SourceTestOutcome?> TestSavedAsync(string id, CancellationToken cancellationToken) =>
        await sources.GetSavedAsync(id, cancellationToken) switch
        {
            null => null,
            { View.Kind: SourceKind.Webhook } => SourceTestOutcome.Invalid(
                [new FieldError("connector", "A webhook source has no endpoint to test: other systems send its records to its URL.")]),
            var saved => await TestAsync(saved.Request, cancellationToken, saved.View.Cursor),
        };

    /// <summary>Tests <paramref name="request"/>; a saved source passes its stored <paramref name="cursor"/> for <c>{cursor}</c>.</summary>
    public async Task<SourceTestOutcome> TestAsync(CreateSourceRequest request, CancellationToken cancellationToken, string? cursor = null)
    {
        var (plan, errors) = await planner.PlanAsync(request, cancellationToken);
        if (plan is null)
        {
            return SourceTestOutcome.Invalid(errors);
        }

        try
        {
            var config = cursor is null ? plan.Config : plan.Config with { Cursor = cursor };
            var sample = await reader.SampleAsync(plan.Connection, config, plan.LookupRows, plan.LookupKeyColumn, SampleSize, cancellationToken);
            return new SourceTestOutcome(sample, [], null);
        }
        catch (InvalidSourceException ex)
        {
            return SourceTestOutcome.Invalid(ex.Errors);
        }
        catch (MacroException ex)
        {
            return SourceTestOutcome.Invalid([new FieldError("url", ex.Message)]);
        }
        catch (DataPathException ex)
        {
            return SourceTestOutcome.Invalid([PathAdvice.Explain(ex.ToFieldError(), request.Manual)]);
        }
        catch (ResponseFormatException ex)
        {
            return SourceTestOutcome.Invalid([new FieldError("dataPath", ex.Message)]);
        }
        catch (SourceRequestException ex)
        {
            return new SourceTestOutcome(null, [], ex);
        }
    }
}

internal sealed record SourceTestOutcome(SourceSample? Sample, IReadOnlyList<FieldError> Errors, SourceRequestException? ApiFailure)
{
    public static SourceTestOutcome Invalid(IReadOnlyList<FieldError> errors) => new(null, errors, null);
}
