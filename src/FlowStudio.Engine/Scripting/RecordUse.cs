namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Whether a script tends to look inside the records it is given. One that leaves most of them untouched (a
/// <c>group</c> that wraps the batch) gets them unparsed (<see cref="JsonRecord"/>); one that reads most of them (a
/// mapping) gets them parsed in one go, which is cheaper for it. Every <see cref="ProbeEvery"/>th call looks again.
/// </summary>
internal sealed class RecordUse
{
    private const int ProbeEvery = 32;
    private const int FewestToJudge = 8;
    private int _calls;
    private volatile bool _readsRecords;

    /// <summary>Whether the next call should hand records over unparsed.</summary>
    public bool Lazily() => !_readsRecords || Interlocked.Increment(ref _calls) % ProbeEvery == 0;

    /// <summary>Records what a call given unparsed records did with them.</summary>
    public void Saw(int records, int parsed)
    {
        if (records >= FewestToJudge)
        {
            _readsRecords = parsed * 2 > records;
        }
    }
}
