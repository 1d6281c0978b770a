using System.Buffers;

namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Receives a function's JSON result as UTF-8 and throws <see cref="OutputLimitExceededException"/> as soon as it
/// passes the limit, so a huge result is refused while it is being written. Reused from call to call.
/// </summary>
internal sealed class OutputBuffer(int limitBytes) : IBufferWriter<byte>
{
    private byte[] _buffer = new byte[16 * 1024];
    private int _written;

    public int LimitBytes { get; } = limitBytes;

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _written);

    public void Clear()
    {
        _written = 0;
        if (_buffer.Length > 1024 * 1024)
        {
            _buffer = new byte[16 * 1024];
        }
    }

    public void Advance(int count)
    {
        _written += count;
        if (_written > LimitBytes)
        {
            throw new OutputLimitExceededException();
        }
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        var start = Ensure(sizeHint); // before reading _buffer, which Ensure may replace
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Ensure(sizeHint);
        return _buffer.AsSpan(start);
    }

    private int Ensure(int sizeHint)
    {
        var needed = _written + Math.Max(sizeHint, 256);
        if (needed > _buffer.Length)
        {
            if (_written > LimitBytes)
            {
                throw new OutputLimitExceededException();
            }

            var size = (int)Math.Min(Math.Max((long)_buffer.Length * 2, needed), Math.Max(needed, (long)LimitBytes + 4096));
            Array.Resize(ref _buffer, size);
        }

        return _written;
    }
}
