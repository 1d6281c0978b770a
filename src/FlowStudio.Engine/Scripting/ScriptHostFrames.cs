using System.Buffers;
using System.Text;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// The messages between <see cref="ScriptWorkerPool"/> and a worker, over the worker's stdin and stdout: a type byte,
/// a call id (int32), then the type's fields; text is UTF-8 with a 7-bit encoded length (as <see cref="BinaryWriter"/>
/// writes strings), so records' JSON text crosses as it is, without escaping.
/// </summary>
internal static class ScriptHostFrames
{
    /// <summary>Parent → worker: code, function name, argument JSON.</summary>
    public const byte Call = 1;

    /// <summary>Parent → worker: code, to parse without running.</summary>
    public const byte Check = 2;

    /// <summary>
    /// Parent → worker: code, function name, a count (int32), then that many arguments' JSON; the worker answers with one
    /// <see cref="Result"/> or <see cref="Error"/> per argument, in order, all with the request's id (or
    /// <see cref="Cancelled"/>, which ends the answer).
    /// </summary>
    public const byte CallEach = 4;

    /// <summary>
    /// The longest a worker holds back the answers of a <see cref="CallEach"/>. Answers held back are lost if the worker is
    /// killed; the parent then runs the unanswered calls again, one by one.
    /// </summary>
    public static readonly TimeSpan ProgressLag = TimeSpan.FromMilliseconds(20);

    /// <summary>Parent → worker: stop the call with this id.</summary>
    public const byte Cancel = 3;

    /// <summary>Worker → parent, once at start, id 0.</summary>
    public const byte Ready = 10;

    /// <summary>Worker → parent: a bool (the function returned a value), then the value's JSON text.</summary>
    public const byte Result = 11;

    /// <summary>Worker → parent: kind byte, error name, detail, line and column (int32, 0 when unknown).</summary>
    public const byte Error = 12;

    /// <summary>Worker → parent: the call was cancelled.</summary>
    public const byte Cancelled = 13;

    public static string ReadText(BinaryReader reader)
    {
        var length = reader.Read7BitEncodedInt();
        if (length == 0)
        {
            return "";
        }

        var buffer = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            reader.BaseStream.ReadExactly(buffer, 0, length);
            return Encoding.UTF8.GetString(buffer, 0, length);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static void WriteError(BinaryWriter writer, int id, ScriptException error)
    {
        writer.Write(Error);
        writer.Write(id);
        writer.Write((byte)error.Kind);
        writer.Write(error.ErrorName);
        writer.Write(error.Detail);
        writer.Write(error.Line ?? 0);
        writer.Write(error.Column ?? 0);
    }
}
