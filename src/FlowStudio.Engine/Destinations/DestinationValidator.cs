using System.Text.RegularExpressions;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Templates;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Checks a <see cref="DestinationConfig"/> and names each problem by the field the API and UI use: "method",
/// "contentFormat", "url", "headers", "excludeAttributes", "batching.batchSize", "batching.algorithm",
/// "batching.propertyName", "batching.otherProps", "batching.code", "batching.enabled", "encoding", "retry",
/// "parameters.{name}".
/// </summary>
public sealed partial class DestinationValidator(IScriptEvaluator scripts)
{
    /// <summary>The largest batch size accepted.</summary>
    public const int MaxBatchSize = 10_000;

    /// <summary>Every problem with <paramref name="config"/>; empty when it can be saved and run.</summary>
    public IReadOnlyList<FieldError> Validate(DestinationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<FieldError>();
        if (!DestinationMethods.All.Contains(config.Method.ToUpperInvariant()))
        {
            errors.Add(new("method", $"Method must be one of {string.Join(", ", DestinationMethods.All)}."));
        }

        var format = ContentFormats.Find(config.ContentFormat);
        if (format is null)
        {
            errors.Add(new("contentFormat", $"Content Format must be one of {string.Join(", ", ContentFormats.All)}."));
        }
        else if (format != ContentFormats.Json)
        {
            ValidateFormat(config, format, errors);
        }

        if (!DeliveryEncodings.All.Contains(config.Encoding))
        {
            errors.Add(new("encoding", $"Encoding must be one of {string.Join(", ", DeliveryEncodings.All)}."));
        }

        var url = ValidateUrl(config, errors);
        errors.AddRange(RequestHeaderParser.Check(config.Headers).Select(problem => new FieldError("headers", problem)));
        if (config.ExcludeAttributes.Any(string.IsNullOrWhiteSpace))
        {
            errors.Add(new("excludeAttributes", "An excluded attribute has no name."));
        }

        ValidateBatching(config, url, errors);
        ValidateParameters(config, errors);
        try
        {
            config.Retry.Validate();
        }
        catch (ArgumentOutOfRangeException error)
        {
            errors.Add(new("retry", $"Retry settings are out of range: {error.ParamName}."));
        }

        return errors;
    }

    private static void ValidateFormat(DestinationConfig config, string format, List<FieldError> errors)
    {
        var label = ContentFormats.Label(format);
        if (config.BodyTemplate is not null)
        {
            errors.Add(new("contentFormat", $"This endpoint's body is a JSON template, so it is sent as JSON: Content Format {label} cannot fill it."));
        }
        else if (config.Encoding == DeliveryEncodings.MultipartFile)
        {
            errors.Add(new("contentFormat", $"This endpoint takes the records as a JSON file, so Content Format {label} cannot be used."));
        }

        if (!config.Batching.Enabled || config.BodyTemplate is not null)
        {
            return;
        }

        if (format == ContentFormats.Form)
        {
            errors.Add(new("batching.enabled", $"Content Format {label} sends one flat record per request: turn batching off or choose another format."));
        }
        else if (config.Batching.Algorithm != GroupingAlgorithms.Array)
        {
            errors.Add(new("batching.algorithm",
                $"Content Format {label} sends the batch's records themselves: choose the JSON Array grouping (Property Inside JSON Object and Code build JSON bodies), or Content Format JSON."));
        }
    }

    private static DestinationUrl? ValidateUrl(DestinationConfig config, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(config.Url))
        {
            errors.Add(new("url", "URL is required, e.g. https://api.clientsuccess.com/v2/contact/{contact_id}."));
            return null;
        }

        if (!ApiUrls.IsAbsoluteHttp(config.Url) && !config.Url.StartsWith('/'))
        {
            errors.Add(new("url", "URL must start with http:// or https://, or be a path starting with /."));
        }

        var url = DestinationUrl.Parse(config.Url);
        errors.AddRange(url.Problems.Select(problem => new FieldError("url", problem)));
        return url;
    }

    private void ValidateBatching(DestinationConfig config, DestinationUrl? url, List<FieldError> errors)
    {
        var batching = config.Batching;
        if (!batching.Enabled)
        {
            return;
        }

        if (batching.BatchSize is < 1 or > MaxBatchSize)
        {
            errors.Add(new("batching.batchSize", $"Batch Size must be between 1 and {MaxBatchSize:N0}."));
        }

        if (url is { IsPerRecord: true })
        {
            errors.Add(new("batching.enabled",
                $"The URL uses the record field {{{url.Fields[0]}}}, so each record needs its own request: turn batching off or take the field out of the URL."));
        }

        if (config.BodyKind == RequestBodyKind.None)
        {
            errors.Add(new("batching.enabled", "DELETE requests carry no body, so records cannot be batched."));
        }

        if (config.BodyTemplate is not null)
        {
            if (BodyTemplates.UsesSingleRecord(config.BodyTemplate))
            {
                errors.Add(new("batching.enabled", "The endpoint's body holds one record ($record), so records cannot be batched."));
            }

            return;
        }

        if (ContentFormats.Find(config.ContentFormat) is not (null or ContentFormats.Json))
        {
            return;
        }

        if (!GroupingAlgorithms.All.Contains(batching.Algorithm))
        {
            errors.Add(new("batching.algorithm", $"Grouping Algorithm must be one of {string.Join(", ", GroupingAlgorithms.All)}."));
        }
        else if (batching.Algorithm == GroupingAlgorithms.Property)
        {
            ValidateProperty(batching, errors);
        }
        else if (batching.Algorithm == GroupingAlgorithms.Code)
        {
            ValidateCode(batching.Code, errors);
        }
    }

    private static void ValidateProperty(BatchingOptions batching, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(batching.PropertyName))
        {
            errors.Add(new("batching.propertyName", "Property Name is required: the JSON property that holds the batched records."));
        }

        var (otherProps, problem) = BatchGrouper.ReadOtherProps(batching.OtherProps);
        if (problem is not null)
        {
            errors.Add(new("batching.otherProps", problem));
        }
        else if (batching.PropertyName is { } name && otherProps.ContainsKey(name))
        {
            errors.Add(new("batching.otherProps", $"Other Props must not contain \"{name}\", the property that holds the records."));
        }
    }

    private void ValidateCode(string? code, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            errors.Add(new("batching.code", "Code is required: define function group(records) that returns the request body."));
            return;
        }

        if (scripts.CheckSyntax(code) is { } problem)
        {
            errors.Add(new("batching.code", problem.Message));
        }
        else if (!GroupFunction().IsMatch(code))
        {
            errors.Add(new("batching.code", "Code must define function group(records), which returns the request body for one batch."));
        }
    }

    private static void ValidateParameters(DestinationConfig config, List<FieldError> errors)
    {
        if (config.Template is not { } template)
        {
            return;
        }

        foreach (var parameter in template.Parameters)
        {
            var given = config.Parameters.GetValueOrDefault(parameter.Name);
            var field = "parameters." + parameter.Name;
            var label = string.IsNullOrWhiteSpace(parameter.Label) ? parameter.Name : parameter.Label;
            var value = parameter.ToWireValue(given);
            if (string.IsNullOrWhiteSpace(value))
            {
                if (parameter.Required)
                {
                    errors.Add(new(field, parameter.Type == ParameterTypes.Field
                        ? $"{label} is required: choose the dataset field that holds it."
                        : $"{label} is required."));
                }

                continue;
            }

            if (ParameterProblem(parameter, value) is { } problem)
            {
                errors.Add(new(field, $"{label} {problem}"));
            }
        }
    }

    private static string? ParameterProblem(TemplateParameter parameter, string value) => parameter.Type switch
    {
        ParameterTypes.Select when parameter.FindOption(value) is null =>
            $"must be one of {string.Join(", ", parameter.Options.Select(o => o.Label))}.",
        ParameterTypes.Boolean when !bool.TryParse(value, out _) => "must be true or false.",
        ParameterTypes.Integer when !long.TryParse(value, out _) => "must be a whole number.",
        ParameterTypes.Number when !decimal.TryParse(value, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _) => "must be a number.",
        ParameterTypes.Json when !IsJson(value) => "must be valid JSON.",
        ParameterTypes.Field when value.Contains('{', StringComparison.Ordinal) || value.Contains('}', StringComparison.Ordinal) =>
            "must be a dataset field name, without braces.",
        _ => null,
    };

    private static bool IsJson(string value)
    {
        try
        {
            _ = Newtonsoft.Json.Linq.JToken.Parse(value);
            return true;
        }
        catch (Newtonsoft.Json.JsonReaderException)
        {
            return false;
        }
    }

    // function group(...), or group = function / arrow function (var, let, const or plain assignment).
    [GeneratedRegex(@"function\s+group\s*\(|\bgroup\s*=(?!=)")]
    private static partial Regex GroupFunction();
}
