namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// Keeps many small JSON records in a few large arrays. A seed of 100,000 records then leaves the garbage collector a
/// hundred large arrays it never moves, instead of 100,000 small ones it copies from generation to generation.
/// A record changed later gets its own array; its old slice stays until the collection is dropped.
/// </summary>
internal sealed class RecordSlabs
{
    private const int SlabSize = 1 << 20;
    private byte[] _slab = [];
    private int _used;

    public ReadOnlyMemory<byte> Keep(ReadOnlySpan<byte> json)
    {
        if (json.Length > SlabSize / 16)
        {
            return json.ToArray();
        }

        if (_slab.Length - _used < json.Length)
        {
            _slab = GC.AllocateUninitializedArray<byte>(SlabSize);
            _used = 0;
        }

        var kept = _slab.AsMemory(_used, json.Length);
        json.CopyTo(kept.Span);
        _used += json.Length;
        return kept;
    }
}
