using FlowStudio.Engine.Sources;

namespace FlowStudio.Engine.Paths;

/// <summary>
/// The records and metadata read from one response. The records of a strict JSON page are made on first use (so the next
/// page can be requested first), from the page's parsed document: use them before it is disposed.
/// </summary>
internal sealed class ExtractedPage
{
    private Func<IReadOnlyList<SourceRecord>>? _build;
    private IReadOnlyList<SourceRecord>? _records;

    /// <summary>A page whose records are made already.</summary>
    public ExtractedPage(IReadOnlyList<SourceRecord> records, string? metadata)
    {
        _records = records;
        Count = records.Count;
        Metadata = metadata;
    }

    /// <summary>A page of <paramref name="count"/> records that <paramref name="build"/> makes.</summary>
    public ExtractedPage(int count, Func<IReadOnlyList<SourceRecord>> build, string? metadata)
    {
        _build = build;
        Count = count;
        Metadata = metadata;
    }

    /// <summary>How many records the page has.</summary>
    public int Count { get; }

    /// <summary>One record per selected object, each with <c>_metadata</c> when a metadata path matched.</summary>
    public IReadOnlyList<SourceRecord> Records
    {
        get
        {
            if (_records is null)
            {
                _records = _build!();
                _build = null;
            }

            return _records;
        }
    }

    /// <summary>What the metadata path selected as compact JSON (one value, or an array when it selected several), or null.</summary>
    public string? Metadata { get; }
}
