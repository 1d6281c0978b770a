using FlowStudio.Engine;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Sources;

namespace FlowStudio.Web.Features.Sources;

/// <summary>"Test": fetches the first page with the current settings and returns sample records, metadata and path suggestions.</summary>
internal sealed class SourceTester(SourcePlanner planner, SourceReader reader)
{
    public const int SampleSize = 50;

    public async Task<SourceTestOutcome> TestAsync(CreateSourceRequest request, CancellationToken cancellationToken)
    {
        var (plan, errors) = await planner.PlanAsync(request, cancellationToken);
        if (plan is null)
        {
            return SourceTestOutcome.Invalid(errors);
        }

        try
        {
            var sample = await reader.SampleAsync(plan.Connection, plan.Config, plan.LookupRows, plan.LookupKeyColumn, SampleSize, cancellationToken);
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
            return SourceTestOutcome.Invalid([ex.ToFieldError()]);
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
