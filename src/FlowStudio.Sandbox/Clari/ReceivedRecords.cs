namespace FlowStudio.Sandbox.Clari;

/// <summary>
/// Records accepted by ingest calls, per entity: how many, and how many distinct ids.
/// Only ids are kept, so a million records stay cheap.
/// </summary>
internal sealed class ReceivedRecords
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Tally> _tallies = IngestEntities.All.ToDictionary(entity => entity, _ => new Tally());

    public bool IsInitialLoadFinished(string entity)
    {
        lock (_gate)
        {
            return _tallies[entity].InitialLoadFinished;
        }
    }

    /// <summary>Records one accepted request atomically; returns an error (and records nothing) if 'initial' mode is no longer allowed.</summary>
    public IngestError? Accept(IngestParameters parameters, IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            var tally = _tallies[parameters.Entity];
            if (parameters.Initial && tally.InitialLoadFinished)
            {
                return IngestParameters.InitialNotAllowed(parameters.Entity);
            }

            Add(tally, parameters, ids);
            return null;
        }
    }

    /// <summary>Records a bulk job that reached SUCCESS; it was checked when submitted, so it is not refused now.</summary>
    public void AcceptCompletedJob(IngestParameters parameters, IReadOnlyList<string> ids)
    {
        lock (_gate)
        {
            Add(_tallies[parameters.Entity], parameters, ids);
        }
    }

    public ReceivedSnapshot Snapshot()
    {
        lock (_gate)
        {
            return new ReceivedSnapshot(
                _tallies["account"].Counts(),
                _tallies["opportunity"].Counts(),
                _tallies["contact"].Counts(),
                _tallies["activity"].Counts());
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            foreach (var tally in _tallies.Values)
            {
                tally.Ids.Clear();
                tally.Ids.TrimExcess();
                tally.Count = 0;
                tally.InitialLoadFinished = false;
            }
        }
    }

    private static void Add(Tally tally, IngestParameters parameters, IReadOnlyList<string> ids)
    {
        foreach (var id in ids)
        {
            tally.Ids.Add(id);
        }

        tally.Count += ids.Count;
        if (parameters.IsLastBatch)
        {
            tally.InitialLoadFinished = true;
        }
    }

    private sealed class Tally
    {
        public HashSet<string> Ids { get; } = new(StringComparer.Ordinal);

        public long Count { get; set; }

        public bool InitialLoadFinished { get; set; }

        public ReceivedCounts Counts() => new(Count, Ids.Count, Count - Ids.Count);
    }
}

/// <summary>Per entity: records accepted in total, distinct ids, and the difference.</summary>
public sealed record ReceivedCounts(long Count, long DistinctIds, long Duplicates);

/// <summary>The Clari part of <c>/sandbox/_state</c>, keyed by entity.</summary>
public sealed record ReceivedSnapshot(ReceivedCounts Account, ReceivedCounts Opportunity, ReceivedCounts Contact, ReceivedCounts Activity);
