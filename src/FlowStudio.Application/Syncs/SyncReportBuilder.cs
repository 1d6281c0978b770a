using System.Text.Json;
using System.Text.Json.Nodes;

namespace FlowStudio.Application.Syncs;

/// <summary>Collects a pass's counts, conflicts, errors and samples into a <see cref="SyncReport"/>.</summary>
internal sealed class SyncReportBuilder
{
    public const string ClientSuccessSide = "clientsuccess";
    public const string CrmSide = "crm";
    private const int MaxSamples = 5;
    private const int MaxErrors = 500;

    private readonly Dictionary<(SyncObject, string), Counter> _counts = [];
    private readonly List<SyncConflict> _conflicts = [];
    private readonly List<SyncRecordError> _errors = [];
    private readonly List<SyncSample> _samples = [];

    public int Read { get; set; }

    public Counter For(SyncObject obj, string side) =>
        _counts.TryGetValue((obj, side), out var counter) ? counter : _counts[(obj, side)] = new Counter();

    public void Conflict(SyncConflict conflict)
    {
        _conflicts.Add(conflict);
        For(StoredWords.Parse<SyncObject>(conflict.Object), conflict.Winner == CrmSide ? ClientSuccessSide : CrmSide).Conflicts++;
    }

    public void Failed(SyncObject obj, string side, string recordId, string message)
    {
        For(obj, side).Failed++;
        if (_errors.Count < MaxErrors)
        {
            _errors.Add(new(obj.ToWord(), side, recordId, message));
        }
    }

    public void Sample(SyncObject obj, string side, string action, string? recordId, JsonObject values)
    {
        if (_samples.Count(s => s.Object == obj.ToWord() && s.Side == side && s.Action == action) < MaxSamples)
        {
            _samples.Add(new(obj.ToWord(), side, action, recordId, values.ToDictionary(p => p.Key, p => p.Value is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : p.Value?.ToJsonString())));
        }
    }

    public int Written => _counts.Values.Sum(c => c.Created + c.Updated + c.Deleted);

    public int FailedCount => _counts.Values.Sum(c => c.Failed);

    public SyncReport Build() => new(
        [.. _counts.OrderBy(c => c.Key.Item1).ThenBy(c => c.Key.Item2, StringComparer.Ordinal)
            .Select(c => new SyncCounts(c.Key.Item1.ToWord(), c.Key.Item2, c.Value.Created, c.Value.Updated, c.Value.Deleted, c.Value.SkippedByFilter, c.Value.Skipped, c.Value.Conflicts, c.Value.Failed))],
        _conflicts, _errors, _samples);

    internal sealed class Counter
    {
        public int Created { get; set; }

        public int Updated { get; set; }

        public int Deleted { get; set; }

        public int SkippedByFilter { get; set; }

        public int Skipped { get; set; }

        public int Conflicts { get; set; }

        public int Failed { get; set; }
    }
}
