using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Templates;

/// <summary>How a destination template turns dataset records into requests.</summary>
public sealed record DeliverySpec
{
    /// <summary>The string in <see cref="Body"/> replaced by the batch's array of records.</summary>
    public const string RecordsToken = "$records";

    /// <summary>The string in <see cref="Body"/> replaced by the single record.</summary>
    public const string RecordToken = "$record";

    /// <summary>Records per request; null sends one request per record.</summary>
    public int? BatchSize { get; init; }

    /// <summary>
    /// JSON template of the request body: <c>"$records"</c> becomes the batch array, <c>"$record"</c> the single
    /// record and <c>"{param}"</c> a parameter value. Null sends the record itself (per record) or the bare array (batch).
    /// </summary>
    [JsonProperty]
    internal JToken? Body { get; init; }

    /// <summary>One of <see cref="DeliveryEncodings"/>.</summary>
    public string Encoding { get; init; } = DeliveryEncodings.Json;

    /// <summary>Multipart form part that carries the JSON file when <see cref="Encoding"/> is <c>multipartFile</c>.</summary>
    public string FilePart { get; init; } = "FileData";

    /// <summary>Whether sending the same request twice has the same effect as once (safe to retry blindly).</summary>
    public bool Idempotent { get; init; }
}

/// <summary>How a destination request body is encoded (<see cref="DeliverySpec.Encoding"/>).</summary>
public static class DeliveryEncodings
{
    /// <summary>An <c>application/json</c> body.</summary>
    public const string Json = "json";

    /// <summary>A <c>multipart/form-data</c> body with the JSON as one file part (Clari bulk ingest).</summary>
    public const string MultipartFile = "multipartFile";

    /// <summary>Every encoding.</summary>
    public static readonly IReadOnlyList<string> All = [Json, MultipartFile];
}
