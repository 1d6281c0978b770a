namespace FlowStudio.Engine.Destinations;

/// <summary>
/// The Content Format records are sent in (<see cref="DestinationConfig.ContentFormat"/>). Every format carries the batch
/// (or the single record when not batching) as the Sample Payload panel shows it:
/// <list type="bullet">
/// <item><c>json</c>: the records' JSON text unchanged, in the grouping algorithm's or template's body.</item>
/// <item><c>xml</c>: a <c>records</c> root with one <c>record</c> element per record (a single record is the
/// <c>record</c> root); each field is a child element whose name is made XML-safe with
/// <see cref="System.Xml.XmlConvert.EncodeLocalName"/> (<c>first name</c> → <c>first_x0020_name</c>), nested objects
/// nest, arrays repeat their element once per item, null is an empty element.</item>
/// <item><c>form</c>: <c>application/x-www-form-urlencoded</c> <c>name=value&amp;...</c> of one flat record (no
/// batching); a nested object or array fails the record, naming the field.</item>
/// <item><c>csv</c>: RFC 4180 (CRLF line ends; fields holding a comma, quote or line break are quoted, quotes doubled);
/// a header row with the union of the batch's field names in first-seen order, then one row per record; nested objects
/// and arrays are written as their compact JSON text; null and missing fields are empty.</item>
/// <item><c>ndjson</c>: one compact JSON record per line, each line ending with <c>\n</c>.</item>
/// </list>
/// Formats other than JSON send the records themselves: they need the JSON Array grouping when batching, and cannot
/// fill an endpoint's JSON body template or a multipart JSON file.
/// </summary>
public static class ContentFormats
{
    /// <summary><c>application/json</c>.</summary>
    public const string Json = "json";

    /// <summary><c>application/xml</c>.</summary>
    public const string Xml = "xml";

    /// <summary><c>application/x-www-form-urlencoded</c>.</summary>
    public const string Form = "form";

    /// <summary><c>text/csv</c>.</summary>
    public const string Csv = "csv";

    /// <summary><c>application/x-ndjson</c>.</summary>
    public const string Ndjson = "ndjson";

    /// <summary>Every format, JSON first.</summary>
    public static readonly IReadOnlyList<string> All = [Json, Xml, Form, Csv, Ndjson];

    /// <summary>The format's name as people read it ("XML", "Form (URL-encoded)").</summary>
    public static string Label(string format) => format switch
    {
        Xml => "XML",
        Form => "Form (URL-encoded)",
        Csv => "CSV",
        Ndjson => "NDJSON",
        _ => "JSON",
    };

    /// <summary>The Content-Type a body in <paramref name="format"/> is sent with.</summary>
    public static string ContentType(string format) => format switch
    {
        Xml => "application/xml",
        Form => "application/x-www-form-urlencoded",
        Csv => "text/csv",
        Ndjson => "application/x-ndjson",
        _ => "application/json",
    };

    /// <summary>Why the field <paramref name="field"/> (an object, or an array when <paramref name="array"/>) cannot be form-encoded.</summary>
    public static string FlatFieldsOnly(string field, bool array) =>
        $"Content Format {Label(Form)} sends flat fields only, but \"{field}\" is {(array ? "an array" : "an object")}: "
        + "exclude it, map it to flat fields, or choose JSON, XML or NDJSON.";

    /// <summary>The known format <paramref name="text"/> names (any case, trimmed), or null.</summary>
    public static string? Find(string? text) =>
        All.FirstOrDefault(format => string.Equals(format, text?.Trim(), StringComparison.OrdinalIgnoreCase));
}
