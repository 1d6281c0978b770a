using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Application.Lookups;

/// <summary>
/// Rows a user pastes for a lookup: a JSON array of objects, or CSV with a header line (commas; double quotes around
/// values that hold commas, quotes or line breaks, with quotes doubled inside).
/// </summary>
internal static class LookupRowsText
{
    public const int MaxRows = 10_000;

    /// <summary>The rows, or the problem that stops them being read (with its line).</summary>
    public static (List<JsonObject>? Rows, string? Problem) Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (null, "Paste the rows: CSV with a header line, or a JSON array of objects.");
        }

        var trimmed = text.Trim();
        return trimmed.StartsWith('[') ? ParseJson(trimmed) : ParseCsv(trimmed);
    }

    /// <summary>
    /// Rows as text that <see cref="Parse"/> reads back to the same rows: CSV when every row has the same columns in
    /// the same order and only text values, else an indented JSON array.
    /// </summary>
    public static string Format(IReadOnlyList<JsonObject> rows)
    {
        var header = rows.Count == 0 ? [] : rows[0].Select(p => p.Key).ToList();
        var fitsCsv = header.Count > 0 && rows.All(row =>
            row.Select(p => p.Key).SequenceEqual(header, StringComparer.Ordinal)
            && row.All(p => p.Value is JsonValue value && value.GetValueKind() == JsonValueKind.String && (header.Count > 1 || value.GetValue<string>().Length > 0))
            && header.All(name => name.Trim() == name));
        if (!fitsCsv)
        {
            return new JsonArray([.. rows.Select(r => r.DeepClone())]).ToJsonString(Indented);
        }

        var text = new StringBuilder();
        text.AppendJoin(',', header.Select(CsvValue)).Append('\n');
        foreach (var row in rows)
        {
            text.AppendJoin(',', row.Select(p => CsvValue(p.Value!.GetValue<string>()))).Append('\n');
        }

        return text.ToString();
    }

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    private static string CsvValue(string value) =>
        value.IndexOfAny([',', '"', '\n', '\r']) >= 0 || value.StartsWith('[')
            ? '"' + value.Replace("\"", "\"\"", StringComparison.Ordinal) + '"'
            : value;

    private static (List<JsonObject>? Rows, string? Problem) ParseJson(string text)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException error)
        {
            var line = (error.LineNumber ?? 0) + 1;
            return (null, $"The rows are not valid JSON: check line {line} for a missing comma, quote or bracket. Each row looks like {{\"id\": \"1198\", \"name\": \"Acme\"}}.");
        }

        var rows = new List<JsonObject>();
        foreach (var (item, index) in node!.AsArray().Select((item, index) => (item, index)))
        {
            if (item is not JsonObject row)
            {
                return (null, $"Row {index + 1} is not a JSON object; each row must look like {{\"id\": \"1198\", \"name\": \"Acme\"}}.");
            }

            rows.Add((JsonObject)row.DeepClone());
        }

        return Checked(rows);
    }

    private static (List<JsonObject>? Rows, string? Problem) ParseCsv(string text)
    {
        var (lines, problem) = ReadCsv(text);
        if (problem is not null)
        {
            return (null, problem);
        }

        var header = lines![0];
        if (header.Any(string.IsNullOrWhiteSpace))
        {
            return (null, "Line 1, the header, has an empty column name.");
        }

        if (header.Distinct(StringComparer.Ordinal).Count() != header.Count)
        {
            return (null, "Line 1, the header, names a column twice.");
        }

        var rows = new List<JsonObject>();
        for (var i = 1; i < lines.Count; i++)
        {
            var values = lines[i];
            if (values.Count == 1 && values[0].Length == 0)
            {
                continue;
            }

            if (values.Count != header.Count)
            {
                return (null, $"Line {i + 1} has {values.Count} values; the header has {header.Count} columns.");
            }

            var row = new JsonObject();
            for (var c = 0; c < header.Count; c++)
            {
                row[header[c].Trim()] = values[c];
            }

            rows.Add(row);
        }

        return Checked(rows);
    }

    private static (List<JsonObject>? Rows, string? Problem) Checked(List<JsonObject> rows) => rows.Count switch
    {
        0 => (null, "There are no rows: add at least one under the header."),
        > MaxRows => (null, $"A pasted lookup holds at most {MaxRows:N0} rows; use a dataset for more."),
        _ => (rows, null),
    };

    private static (List<List<string>>? Lines, string? Problem) ReadCsv(string text)
    {
        var lines = new List<List<string>>();
        var line = new List<string>();
        var value = new StringBuilder();
        var quoted = false;
        var lineNumber = 1;
        var quoteStartLine = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"')
                {
                    value.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    lineNumber += c == '\n' ? 1 : 0;
                    value.Append(c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when value.Length == 0:
                    quoted = true;
                    quoteStartLine = lineNumber;
                    break;
                case ',':
                    line.Add(value.ToString());
                    value.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    line.Add(value.ToString());
                    value.Clear();
                    lines.Add(line);
                    line = [];
                    lineNumber++;
                    break;
                default:
                    value.Append(c);
                    break;
            }
        }

        if (quoted)
        {
            return (null, $"Line {quoteStartLine} opens a quoted value that is never closed.");
        }

        line.Add(value.ToString());
        lines.Add(line);
        return (lines, null);
    }
}
