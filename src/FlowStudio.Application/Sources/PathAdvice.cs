using System.Xml.XPath;
using FlowStudio.Engine;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Paths.JsonPath;

namespace FlowStudio.Application.Sources;

/// <summary>
/// A path to data or metadata that does not read, said in plain words: what is wrong, where, and a path that works as
/// an example, instead of the parser's own message.
/// </summary>
internal static class PathAdvice
{
    /// <summary>The error with a plain message when it is about the manual call's data or metadata path; other errors as they are.</summary>
    public static FieldError Explain(FieldError error, ManualSourceRequest? manual) => error.Field switch
    {
        "dataPath" when Blank(manual?.DataPath) is { } path && DataPaths.Problem(path) is not null =>
            new(error.Field, Words(path, "$.data[*]", "every element of the data array is a record", "/response/data/item")),
        "metadataPath" when Blank(manual?.MetadataPath) is { } path && DataPaths.Problem(path) is not null =>
            new(error.Field, Words(path, "$.totalElements", "the total count beside the records", "/response/total")),
        _ => error,
    };

    private static string Words(string path, string jsonExample, string jsonMeaning, string xmlExample)
    {
        var example = $"For JSON write a JSONPath such as {jsonExample} ({jsonMeaning}); for XML an XPath such as {xmlExample}.";
        if (DataPaths.IsXPath(path))
        {
            try
            {
                XPathExpression.Compile(path);
            }
            catch (XPathException ex)
            {
                return $"“{path}” is not a path FlowStudio can read as XPath: {ex.Message.TrimEnd('.')}. {example}";
            }
        }
        else if (!path.StartsWith('$'))
        {
            return $"“{path}” is not a path: start it with $ for JSON or / for XML. {example}";
        }
        else
        {
            try
            {
                JsonPathQuery.Parse(path);
            }
            catch (JsonPathException ex)
            {
                return $"“{path}” is not a complete JSONPath: at character {ex.Position}, {ex.Problem}. {example}";
            }
        }

        return $"“{path}” is not a path FlowStudio can read. {example}";
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
