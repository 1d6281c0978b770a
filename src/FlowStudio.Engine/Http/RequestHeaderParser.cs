namespace FlowStudio.Engine.Http;

/// <summary>
/// Reads the Request Headers field, <c>header1:value1,header2:value2</c>, and checks header names and values.
/// </summary>
public static class RequestHeaderParser
{
    /// <summary>
    /// Parses <paramref name="text"/> into headers. Blank text gives no headers. Each problem names the pair it is in
    /// (missing colon, empty name, characters not allowed in a header name, line breaks in a value, a repeated name).
    /// </summary>
    public static HeaderParseResult Parse(string? text)
    {
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new HeaderParseResult(headers, problems);
        }

        var position = 0;
        foreach (var raw in text.Split(','))
        {
            position++;
            var pair = raw.Trim();
            if (pair.Length == 0)
            {
                problems.Add($"Header {position} is empty (two commas in a row, or a comma at the end).");
                continue;
            }

            var colon = pair.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0)
            {
                problems.Add($"Header \"{pair}\" has no colon: write it as name:value.");
                continue;
            }

            var name = pair[..colon].Trim();
            var value = pair[(colon + 1)..].Trim();
            if (ProblemWithName(name) is { } nameProblem)
            {
                problems.Add(name.Length == 0 ? $"Header \"{pair}\" has an empty name." : nameProblem);
                continue;
            }

            if (ProblemWithValue(name, value) is { } valueProblem)
            {
                problems.Add(valueProblem);
                continue;
            }

            if (!headers.TryAdd(name, value))
            {
                problems.Add($"Header \"{name}\" is given more than once.");
            }
        }

        return new HeaderParseResult(headers, problems);
    }

    /// <summary>Writes headers back as <c>name:value,name:value</c>.</summary>
    public static string Format(IReadOnlyDictionary<string, string> headers) =>
        string.Join(",", headers.Select(h => $"{h.Key}:{h.Value}"));

    /// <summary>Checks headers given as a map (the REST API's <c>headers:{}</c>); one message per problem.</summary>
    public static IReadOnlyList<string> Check(IReadOnlyDictionary<string, string>? headers)
    {
        var problems = new List<string>();
        foreach (var (name, value) in headers ?? new Dictionary<string, string>())
        {
            if ((ProblemWithName(name) ?? ProblemWithValue(name, value)) is { } problem)
            {
                problems.Add(problem);
            }
        }

        return problems;
    }

    /// <summary>Why <paramref name="name"/> is not a valid header name (RFC 9110 token), or null.</summary>
    public static string? ProblemWithName(string name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "A header has an empty name.";
        }

        var bad = name.Where(c => !IsTokenChar(c)).Distinct().ToList();
        return bad.Count == 0
            ? null
            : $"Header name \"{name}\" contains characters not allowed in a header name: {string.Join(" ", bad.Select(Show))}.";
    }

    private static string? ProblemWithValue(string name, string? value) =>
        value is not null && value.Any(c => c is '\r' or '\n' or '\0')
            ? $"Header \"{name}\" has a line break or NUL in its value."
            : null;

    private static bool IsTokenChar(char c) =>
        c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9'
            or '!' or '#' or '$' or '%' or '&' or '\'' or '*' or '+' or '-' or '.' or '^' or '_' or '`' or '|' or '~';

    private static string Show(char c) => c switch
    {
        ' ' => "(space)",
        '\t' => "(tab)",
        _ when char.IsControl(c) => $"(U+{(int)c:X4})",
        _ => $"'{c}'",
    };
}

/// <summary>The headers read from a Request Headers field and the problems found (empty when valid).</summary>
public sealed record HeaderParseResult(IReadOnlyDictionary<string, string> Headers, IReadOnlyList<string> Problems)
{
    public bool IsValid => Problems.Count == 0;
}
