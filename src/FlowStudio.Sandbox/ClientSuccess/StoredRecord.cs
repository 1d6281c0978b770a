using System.Text.Json.Nodes;

namespace FlowStudio.Sandbox.ClientSuccess;

/// <summary>
/// One record of a <see cref="RecordCollection"/>: its JSON exactly as the API writes it, and what the collection indexes
/// it by. Records are kept as bytes so a large tenant is cheap to seed and hold, and a page is written without serialising.
/// </summary>
internal sealed class StoredRecord(long id)
{
    /// <summary>Stands for a missing or unparseable time: no <c>modifiedAfter</c> is before it.</summary>
    public const long NoTime = long.MinValue;

    public long Id { get; } = id;

    /// <summary>The record's UTF-8 JSON as of the last commit; never changed in place (a commit stores new bytes).</summary>
    public ReadOnlyMemory<byte> Json { get; set; }

    /// <summary>The record as a <see cref="JsonObject"/> while a store call works on it; null when only the bytes exist.</summary>
    public JsonObject? Live { get; set; }

    /// <summary>UTC ticks of the collection's time field (what <c>modifiedAfter</c> compares), or <see cref="NoTime"/>.</summary>
    public long Time { get; set; } = NoTime;

    /// <summary>The keys the collection's indexes hold this record under, as of the last commit; null before its first.</summary>
    public string?[]? Keys { get; set; }
}
