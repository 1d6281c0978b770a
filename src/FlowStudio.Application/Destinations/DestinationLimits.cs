using FlowStudio.Engine;

namespace FlowStudio.Application.Destinations;

/// <summary>The size limits of a destination's settings (README, Security).</summary>
internal static class DestinationLimits
{
    public static List<FieldError> Check(CreateDestinationRequest request)
    {
        var errors = new List<FieldError>();
        InputLimits.AddTo(errors, ("name", request.Name, InputLimits.Name));
        foreach (var (key, value) in request.Parameters ?? [])
        {
            InputLimits.AddTo(errors, ($"parameters.{key}", value, InputLimits.Parameter));
        }

        foreach (var attribute in request.ExcludeAttributes ?? [])
        {
            InputLimits.AddTo(errors, ("excludeAttributes", attribute, InputLimits.Path));
        }

        if (request.Manual is { } manual)
        {
            InputLimits.AddTo(
                errors,
                ("url", manual.Url, InputLimits.Url),
                ("headers", InputLimits.Flatten(manual.Headers), InputLimits.HeadersTotal),
                ("batching.propertyName", manual.Batching?.PropertyName, InputLimits.Path),
                ("batching.otherProps", manual.Batching?.OtherProps?.GetRawText(), InputLimits.RequestBody),
                ("batching.code", manual.Batching?.Code, InputLimits.Script));
            foreach (var attribute in manual.ExcludeAttributes ?? [])
            {
                InputLimits.AddTo(errors, ("excludeAttributes", attribute, InputLimits.Path));
            }
        }

        foreach (var (from, to) in request.Sync?.FieldMapping ?? [])
        {
            InputLimits.AddTo(errors, ("sync.fieldMapping", from + to, InputLimits.Path));
        }

        return errors;
    }
}
