using System.Text;
using FlowStudio.Engine.Http;
using FlowStudio.Engine.Paths;
using FlowStudio.Engine.Scripting;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Destinations;

/// <summary>
/// Builds the requests a destination sends, lazily and in record order. The same code produces the sample
/// payloads the UI and API show (take the first few) and the real requests <see cref="DeliveryRunner"/> sends.
/// Per record: the <see cref="DestinationConfig.Shape"/> (mapping, required fields) is applied, then the URL's
/// field macros are filled (from the record before attributes are excluded), then excluded attributes are
/// removed from what goes in the body. A URL that uses a record field sends one request per record; otherwise
/// records go in batches of <see cref="BatchingOptions.BatchSize"/> when batching is on, or one per request.
/// A record that cannot be built comes out as a payload with <see cref="OutboundPayload.Error"/>.
/// </summary>
public sealed class PayloadBuilder(IScriptEvaluator scripts, TimeProvider time)
{
    private readonly BatchGrouper _grouper = new(scripts);

    /// <summary>Whether <paramref name="config"/> puts several records in one request.</summary>
    public static bool SendsBatches(DestinationConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.Batching.Enabled
            && !DestinationUrl.Parse(config.Url).IsPerRecord
            && !BodyTemplates.UsesSingleRecord(config.BodyTemplate);
    }

    /// <summary>The payloads for <paramref name="records"/>, built as they are enumerated.</summary>
    public IEnumerable<OutboundPayload> Build(DestinationConfig config, IEnumerable<DeliveryRecord> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(records);
        var plan = new Plan(config, DestinationUrl.Parse(config.Url), time.GetUtcNow());
        return SendsBatches(config)
            ? BuildBatches(plan, records, cancellationToken)
            : BuildSingles(plan, records, cancellationToken);
    }

    /// <summary>
    /// The fields of the config's template that <paramref name="record"/>, as it would be sent (after the mapping, if
    /// any), leaves empty though required or fills with another type; none when there is no template or the record
    /// cannot be built (its payload says why).
    /// </summary>
    public IReadOnlyList<FieldCheck> CheckFields(DestinationConfig config, DeliveryRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(record);
        if (config.Template is not { Fields.Count: > 0 } template)
        {
            return [];
        }

        try
        {
            var sent = RecordShaper.Exclude(RecordShaper.Shape(config.Shape, record.Data, scripts, cancellationToken), config.ExcludeAttributes);
            return [.. FieldCheck.Of(template.Fields, sent)];
        }
        catch (RecordRejectedException)
        {
            return [];
        }
    }

    private IEnumerable<OutboundPayload> BuildSingles(Plan plan, IEnumerable<DeliveryRecord> records,
        CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return Single(plan, record, cancellationToken);
        }
    }

    private IEnumerable<OutboundPayload> BuildBatches(Plan plan, IEnumerable<DeliveryRecord> records,
        CancellationToken cancellationToken)
    {
        var scratch = new StringBuilder();
        foreach (var (failure, batch, ids) in Gather(plan, records, cancellationToken))
        {
            yield return failure ?? Batch(plan, ids!, () => plan.Kind == RequestBodyKind.None ? ""
                : plan.Format == ContentFormats.Json ? _grouper.GroupBatch(plan.Config, batch!, scratch, cancellationToken)
                : RecordFormatter.Write(plan.Format, batch!.ConvertAll(record => (JObject)JsonText.Parse(record)), single: false));
        }
    }

    /// <summary>
    /// The payloads for one page of records, as <see cref="Build"/> gives them. With code grouping, the page's
    /// <c>group</c> calls go to the script workers together, in one message per worker, instead of one message and one
    /// wait per batch.
    /// </summary>
    public async Task<List<OutboundPayload>> BuildPageAsync(DestinationConfig config, IReadOnlyList<DeliveryRecord> records,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(records);
        var plan = new Plan(config, DestinationUrl.Parse(config.Url), time.GetUtcNow());
        if (!SendsBatches(config) || !BatchGrouper.CallsCode(config) || plan.Kind == RequestBodyKind.None || plan.Format != ContentFormats.Json)
        {
            return [.. Build(config, records, cancellationToken)];
        }

        var items = Gather(plan, records, cancellationToken).ToList();
        var batches = items.Where(item => item.Failure is null).Select(item => (IReadOnlyList<string>)item.Batch!).ToList();
        var outcomes = await _grouper.GroupBatchesAsync(config, batches, cancellationToken).ConfigureAwait(false);
        var payloads = new List<OutboundPayload>(items.Count);
        var next = 0;
        foreach (var (failure, _, ids) in items)
        {
            if (failure is not null)
            {
                payloads.Add(failure);
                continue;
            }

            var outcome = outcomes[next++];
            payloads.Add(Batch(plan, ids!, () => outcome.Error is { } error ? throw error : outcome.Json!));
        }

        return payloads;
    }

    /// <summary>The records in batches (each with lists of its own), with a failure in place of a record that cannot be built.</summary>
    private IEnumerable<(OutboundPayload? Failure, List<string>? Batch, List<long>? Ids)> Gather(Plan plan, IEnumerable<DeliveryRecord> records,
        CancellationToken cancellationToken)
    {
        var size = Math.Max(1, plan.Config.Batching.BatchSize);
        var batch = new List<string>(size);
        var ids = new List<long>(size);
        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var (body, failure) = Prepare(plan, record, cancellationToken);
            if (failure is not null)
            {
                yield return (failure, null, null);
                continue;
            }

            batch.Add(body!);
            ids.Add(record.Id);
            if (ids.Count == size)
            {
                yield return (null, batch, ids);
                batch = new List<string>(size);
                ids = new List<long>(size);
            }
        }

        if (ids.Count > 0)
        {
            yield return (null, batch, ids);
        }
    }

    private OutboundPayload Single(Plan plan, DeliveryRecord record, CancellationToken cancellationToken)
    {
        var url = plan.Config.Url;
        try
        {
            var shaped = RecordShaper.Shape(plan.Config.Shape, record.Data, scripts, cancellationToken);
            url = plan.Url.Expand(shaped, record.Data, plan.Now, plan.Config.DateMacros);
            var body = plan.Kind == RequestBodyKind.None ? "" : RecordBody(plan, RecordShaper.Exclude(shaped, plan.Config.ExcludeAttributes));
            return plan.Payload(url, body, [record.Id]);
        }
        catch (RecordRejectedException error)
        {
            return plan.Failure(url, [record.Id], error.Message);
        }
    }

    private static string RecordBody(Plan plan, JObject record) => plan.Format == ContentFormats.Json
        ? BatchGrouper.RecordBody(plan.Config, record)
        : RecordFormatter.Write(plan.Format, [record], single: true);

    /// <summary>The record's JSON for a batch: its own text when it goes as it is, else shaped and trimmed.</summary>
    private (string? Body, OutboundPayload? Failure) Prepare(Plan plan, DeliveryRecord record, CancellationToken cancellationToken)
    {
        if (plan.SendsRecordsAsTheyAre)
        {
            return (record.Json, null);
        }

        try
        {
            var shaped = RecordShaper.Shape(plan.Config.Shape, record.Data, scripts, cancellationToken);
            return (RecordFields.Compact(RecordShaper.Exclude(shaped, plan.Config.ExcludeAttributes)), null);
        }
        catch (RecordRejectedException error)
        {
            return (null, plan.Failure(plan.Config.Url, [record.Id], error.Message));
        }
    }

    // A batch's payload with the body it gets, or its failure when the URL or the body cannot be made.
    private static OutboundPayload Batch(Plan plan, List<long> ids, Func<string> body)
    {
        var url = plan.Config.Url;
        try
        {
            url = plan.Url.Expand(null, null, plan.Now, plan.Config.DateMacros);
            return plan.Payload(url, body(), ids);
        }
        catch (Exception error) when (error is RecordRejectedException or ScriptException or ArgumentException)
        {
            return plan.Failure(url, ids, error.Message);
        }
    }

    private sealed record Plan(DestinationConfig Config, DestinationUrl Url, DateTimeOffset Now)
    {
        public RequestBodyKind Kind { get; } = Config.BodyKind;

        /// <summary>No mapping, checks or excluded attributes: each record's stored JSON goes into the body unchanged.</summary>
        public bool SendsRecordsAsTheyAre { get; } = Config.Shape.Mapping is null && Config.Shape.Required.Count == 0
            && Config.Shape.DateFields.Count == 0 && Config.ExcludeAttributes.Count == 0;

        public string Format { get; } = ContentFormats.Find(Config.ContentFormat) ?? ContentFormats.Json;

        private string Method { get; } = Config.Method.ToUpperInvariant();

        /// <summary>The destination's headers, with the format's Content-Type unless JSON or the headers name one.</summary>
        private IReadOnlyDictionary<string, string> Headers { get; } = WithContentType(Config);

        public OutboundPayload Payload(string url, string body, IReadOnlyList<long> ids) =>
            new(Method, url, Headers, body, Kind, ids, Config.FilePart);

        public OutboundPayload Failure(string url, IReadOnlyList<long> ids, string error) =>
            new(Method, url, Headers, "", Kind, ids, Config.FilePart, error);

        private static IReadOnlyDictionary<string, string> WithContentType(DestinationConfig config)
        {
            var format = ContentFormats.Find(config.ContentFormat) ?? ContentFormats.Json;
            if (format == ContentFormats.Json || config.BodyKind == RequestBodyKind.None
                || config.Headers.Keys.Any(name => name.Equals("Content-Type", StringComparison.OrdinalIgnoreCase)))
            {
                return config.Headers;
            }

            return new Dictionary<string, string>(config.Headers, StringComparer.OrdinalIgnoreCase) { ["Content-Type"] = ContentFormats.ContentType(format) };
        }
    }
}
