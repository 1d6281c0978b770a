using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Templates;
using Newtonsoft.Json;

namespace FlowStudio.Engine.Sources;

/// <summary>Checks a <see cref="SourceConfig"/> before it is saved or read; each problem names its field.</summary>
public static class SourceValidator
{
    private static readonly HashSet<string> Methods = new(StringComparer.OrdinalIgnoreCase) { "GET", "POST", "PUT", "PATCH", "DELETE" };

    /// <summary>
    /// Problems with fields "method", "url" (absolute http(s) or a path starting with "/"; macros well-formed),
    /// "headers", "body" (JSON), "dataPath", "metadataPath" (JSONPath or XPath), "dateFormat", "timeUnit",
    /// "pagination", "maxPages" and "cursorField" (needed by <c>{cursor}</c>; a JSONPath when it starts with $). Empty when the configuration can be read.
    /// </summary>
    public static IReadOnlyList<FieldError> Validate(SourceConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = new List<FieldError>();
        if (!Methods.Contains(config.Method?.Trim() ?? string.Empty))
        {
            errors.Add(new FieldError("method", $"Method must be one of {string.Join(", ", Methods)}."));
        }

        errors.AddRange(UrlErrors(config.Url));
        if (string.IsNullOrWhiteSpace(config.CursorField) && MacroExpander.UsesCursor(config.Url))
        {
            errors.Add(new FieldError("cursorField",
                "The URL uses {cursor}: set a Cursor Field, the record field whose largest value {cursor} takes (e.g. modifiedTime)."));
        }
        else if (config.CursorField?.Trim() is { } cursorField && cursorField.StartsWith('$') && DataPaths.Problem(cursorField) is { } cursorProblem)
        {
            errors.Add(new FieldError("cursorField", cursorProblem));
        }

        errors.AddRange(RequestHeaderParser.Check(config.Headers).Select(p => new FieldError("headers", p)));
        if (!string.IsNullOrWhiteSpace(config.Body) && BodyProblem(config.Body) is { } body)
        {
            errors.Add(new FieldError("body", body));
        }

        if (DataPaths.Problem(config.DataPath) is { } data)
        {
            errors.Add(new FieldError("dataPath", data));
        }

        if (DataPaths.Problem(config.MetadataPath) is { } metadata)
        {
            errors.Add(new FieldError("metadataPath", metadata));
        }

        if (!MacroDateFormats.IsKnown(config.DateFormat))
        {
            errors.Add(new FieldError("dateFormat", $"Unknown date format \"{config.DateFormat}\"; choose one of {string.Join(", ", MacroDateFormats.All.Select(f => f.Id))}."));
        }

        if (!MacroTimeUnits.TryParse(config.TimeUnit, out var unit))
        {
            errors.Add(new FieldError("timeUnit", $"Unknown time unit \"{config.TimeUnit}\"; choose one of {string.Join(", ", MacroTimeUnits.All.Select(u => u.Id))}."));
        }
        else
        {
            errors.AddRange(MacroExpander.OutOfRange(config.Url, unit, DateTimeOffset.UtcNow).Select(p => new FieldError("url", p.Message)));
        }

        errors.AddRange(PaginationValidator.Problems(config.Pagination ?? PaginationSpec.None).Select(p => new FieldError("pagination", Sentence(p))));
        if (config.MaxPages is < 1 or > 100_000)
        {
            errors.Add(new FieldError("maxPages", "The page cap must be between 1 and 100,000."));
        }

        return errors;
    }

    private static IEnumerable<FieldError> UrlErrors(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            yield return new FieldError("url", "Enter the API URL.");
            yield break;
        }

        var problems = MacroExpander.Validate(url);
        foreach (var problem in problems)
        {
            yield return new FieldError("url", problem.Message);
        }

        if (problems.Count > 0)
        {
            yield break;
        }

        if (url.Any(char.IsWhiteSpace))
        {
            yield return new FieldError("url", "The URL contains spaces; encode them as %20.");
        }
        else if (!url.StartsWith('/') && !ApiUrls.IsAbsoluteHttp(WithSampleValues(url)))
        {
            yield return new FieldError("url", "The URL must start with http:// or https:// (or with / for a path on the connection's base URL).");
        }
    }

    private static string WithSampleValues(string url)
    {
        var result = url;
        foreach (var macro in MacroExpander.Find(url).Reverse())
        {
            result = result[..macro.Start] + "x" + result[(macro.Start + macro.Text.Length)..];
        }

        return result;
    }

    private static string? BodyProblem(string body)
    {
        try
        {
            _ = JsonText.Parse(body);
            return null;
        }
        catch (JsonReaderException ex)
        {
            return $"The body is not valid JSON: {ex.Message}";
        }
    }

    private static string Sentence(string text) => char.ToUpperInvariant(text[0]) + text[1..] + (text.EndsWith('.') ? string.Empty : ".");
}
