using System.Runtime.CompilerServices;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Macros;
using FlowStudio.Engine.Pagination;
using FlowStudio.Engine.Paths;

namespace FlowStudio.Engine.Sources;

/// <summary>
/// Reads a source's records from its API page by page (only one page in memory at a time): expands URL macros,
/// follows pagination until the API's end signal (never looping: empty page, repeated page, page cap), extracts
/// records with the path to data and merges the path to metadata. A URL with a lookup macro runs once per lookup row.
/// </summary>
public sealed class SourceReader(ApiClient api, TimeProvider time, RetryOptions? retry = null)
{
    /// <summary>The property that carries a record's lookup row key.</summary>
    public const string LookupKeyProperty = "_lookupKey";

    /// <summary>
    /// Streams the records of <paramref name="config"/>. When the URL has a lookup macro it runs once per row of
    /// <paramref name="lookupRows"/> and tags each record with the row's <paramref name="lookupKeyColumn"/> value
    /// (default: the column the first lookup macro names) in <see cref="SourceRecord.LookupKey"/> and <c>_lookupKey</c>.
    /// Throws <see cref="InvalidSourceException"/> for a bad configuration, <see cref="MacroException"/> for a lookup row
    /// lacking a column, <see cref="SourceRequestException"/> when the API fails after retries,
    /// <see cref="Paths.DataPathException"/> when a path does not fit the response.
    /// </summary>
    public async IAsyncEnumerable<SourceRecord> ReadAsync(
        Connection connection,
        SourceConfig config,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? lookupRows,
        string? lookupKeyColumn,
        Action<RequestLogEntry>? onRequest,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var page in ReadPagesAsync(connection, config, lookupRows, lookupKeyColumn, onRequest, cancellationToken))
        {
            foreach (var record in page)
            {
                yield return record;
            }
        }
    }

    /// <summary>
    /// The records of <see cref="ReadAsync"/> page by page, in the same order, each page as the API answered it (an empty
    /// page ends a walk and is not given). Each record's <see cref="SourceRecord.Json"/> is already made (its text as sent),
    /// and its key and cursor fields and schema are already read, so a consumer that writes pages while the next one is
    /// fetched parses nothing on its own thread.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<SourceRecord>> ReadPagesAsync(
        Connection connection,
        SourceConfig config,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? lookupRows,
        string? lookupKeyColumn,
        Action<RequestLogEntry>? onRequest,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var fields = FieldsOf(config);
        foreach (var (url, key) in Plan(config, lookupRows, lookupKeyColumn))
        {
            await foreach (var page in new PageWalker(api, retry).WalkAsync(connection, config, url, fields, key, onRequest, cancellationToken))
            {
                if (page.Page.Records.Count > 0)
                {
                    yield return page.Page.Records;
                }
            }
        }
    }

    /// <summary>
    /// Reads only the first page (for the first lookup row) for the test panel: up to <paramref name="maxRecords"/>
    /// records, the metadata, path suggestions for the raw response and the request made.
    /// </summary>
    public async Task<SourceSample> SampleAsync(
        Connection connection,
        SourceConfig config,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? lookupRows = null,
        string? lookupKeyColumn = null,
        int maxRecords = 100,
        CancellationToken cancellationToken = default)
    {
        var requests = new List<RequestLogEntry>();
        var firstOnly = config with { MaxPages = 1 };
        foreach (var (url, key) in Plan(firstOnly, lookupRows, lookupKeyColumn).Take(1))
        {
            await foreach (var page in new PageWalker(api, retry).WalkAsync(connection, firstOnly, url, [], key, requests.Add, cancellationToken))
            {
                return new SourceSample(
                    [.. page.Page.Records.Take(maxRecords).Select(r => JsonText.ToObject(r.Json))],
                    page.Page.Metadata is { } metadata ? JsonText.ToNode(metadata) : null,
                    PathSuggester.Suggest(page.Response.Body),
                    requests,
                    page.Response.Body);
            }
        }

        return new SourceSample([], null, [], requests, string.Empty);
    }

    private List<(string Url, string? Key)> Plan(
        SourceConfig config,
        IReadOnlyList<IReadOnlyDictionary<string, string>>? lookupRows,
        string? lookupKeyColumn)
    {
        var errors = SourceValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new InvalidSourceException(errors);
        }

        var settings = config.MacroSettings();
        var now = time.GetUtcNow();
        var lookups = MacroExpander.Find(config.Url).Where(m => m.Kind == MacroKind.Lookup).ToList();
        if (lookups.Count == 0)
        {
            return [(MacroExpander.Expand(config.Url, settings, now, null, config.Cursor), null)];
        }

        if (lookupRows is null)
        {
            throw new InvalidSourceException([new FieldError("url", $"The URL uses the lookup macro {lookups[0].Text}, but the source has no lookup.")]);
        }

        var keyColumn = lookupKeyColumn ?? lookups[0].Column!;
        return [.. lookupRows.Select(row => (MacroExpander.Expand(config.Url, settings, now, row, config.Cursor), KeyOf(row, keyColumn)))];
    }

    private static string? KeyOf(IReadOnlyDictionary<string, string> row, string column) =>
        row.TryGetValue(column, out var exact)
            ? exact
            : row.FirstOrDefault(c => c.Key.Equals(column, StringComparison.OrdinalIgnoreCase)).Value;

    // The fields a dataset writer and a cursor read from every record: the key and the cursor field, as written and trimmed.
    private static string[] FieldsOf(SourceConfig config) =>
        [.. new[] { config.Key, config.CursorField }.Where(f => !string.IsNullOrWhiteSpace(f)).SelectMany(f => new[] { f!, f!.Trim() }).Distinct(StringComparer.Ordinal)];
}
