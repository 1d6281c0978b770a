using System.Buffers.Binary;
using System.Text;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Reads a worker's replies (<see cref="ScriptHostFrames"/>) asynchronously, so a caller waiting for a script holds no
/// thread. Buffers what it reads; one reader per worker, used by one call at a time.
/// </summary>
internal sealed class ScriptReplyReader(Stream input)
{
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    public async ValueTask<byte> ReadByteAsync()
    {
        await FillAsync(1).ConfigureAwait(false);
        return _buffer[_start++];
    }

    public async ValueTask<int> ReadInt32Async()
    {
        await FillAsync(4).ConfigureAwait(false);
        var value = BinaryPrimitives.ReadInt32LittleEndian(_buffer.AsSpan(_start, 4));
        _start += 4;
        return value;
    }

    public async ValueTask<string> ReadTextAsync()
    {
        var length = 0;
        for (var shift = 0; ; shift += 7)
        {
            var part = await ReadByteAsync().ConfigureAwait(false);
            length |= (part & 0x7F) << shift;
            if ((part & 0x80) == 0)
            {
                break;
            }

            if (shift > 28)
            {
                throw new InvalidDataException("A text length in a worker reply is malformed.");
            }
        }

        await FillAsync(length).ConfigureAwait(false);
        var text = Encoding.UTF8.GetString(_buffer, _start, length);
        _start += length;
        return text;
    }

    public async ValueTask<ScriptException> ReadErrorAsync()
    {
        var kind = (ScriptErrorKind)await ReadByteAsync().ConfigureAwait(false);
        var name = await ReadTextAsync().ConfigureAwait(false);
        var detail = await ReadTextAsync().ConfigureAwait(false);
        var line = await ReadInt32Async().ConfigureAwait(false);
        var column = await ReadInt32Async().ConfigureAwait(false);
        return new ScriptException(kind, name, detail, line > 0 ? line : null, column > 0 ? column : null);
    }

    private async ValueTask FillAsync(int count)
    {
        if (_end - _start >= count)
        {
            return;
        }

        if (count > _buffer.Length - _start)
        {
            var bigger = count > _buffer.Length ? new byte[Math.Max(count, _buffer.Length * 2)] : _buffer;
            Buffer.BlockCopy(_buffer, _start, bigger, 0, _end - _start);
            (_buffer, _end, _start) = (bigger, _end - _start, 0);
        }

        while (_end - _start < count)
        {
            var read = await input.ReadAsync(_buffer.AsMemory(_end)).ConfigureAwait(false);
            if (read == 0)
            {
                throw new EndOfStreamException("The script worker closed its output.");
            }

            _end += read;
        }

        if (_buffer.Length > 1024 * 1024 && _end - _start < 64 * 1024)
        {
            // Give a big reply's buffer back once it is consumed.
            var small = new byte[64 * 1024];
            Buffer.BlockCopy(_buffer, _start, small, 0, _end - _start);
            (_buffer, _end, _start) = (small, _end - _start, 0);
        }
    }
}
