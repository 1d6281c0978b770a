using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>Turns records into the bytes the API writes and back. The bytes are what <c>Results.Json</c> writes for the record.</summary>
internal static class RecordJson
{
    private static readonly JsonDocumentOptions ReadOptions = new() { MaxDepth = 256 };

    // ASP.NET Core's JSON options (which Results.Json uses) escape with the relaxed encoder: the body goes straight to the client.
    public static readonly JsonWriterOptions WriteOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = 256 };

    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Serialize(JsonObject record) => Write(record, static (writer, record) => record.WriteTo(writer)).ToArray();

    /// <summary>
    /// What <paramref name="write"/> writes, through the writer every record is stored with. The span is the thread's
    /// buffer: copy it before the next call.
    /// </summary>
    public static ReadOnlySpan<byte> Write<T>(T state, Action<Utf8JsonWriter, T> write)
    {
        var buffer = t_buffer ??= new ArrayBufferWriter<byte>(4096);
        buffer.ResetWrittenCount();
        var writer = t_writer ??= new Utf8JsonWriter(buffer, WriteOptions);
        writer.Reset(buffer);
        write(writer, state);
        writer.Flush();
        return buffer.WrittenSpan;
    }

    public static JsonObject Materialize(ReadOnlyMemory<byte> json) =>
        JsonNode.Parse(json.Span, documentOptions: ReadOptions)?.AsObject() ?? throw new InvalidOperationException("A stored record is not a JSON object.");
}
