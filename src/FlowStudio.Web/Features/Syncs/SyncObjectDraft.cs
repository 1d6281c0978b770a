namespace FlowStudio.Web.Features.Syncs;

/// <summary>One object's settings on screen: its direction, import filter and field mappings.</summary>
public sealed class SyncObjectDraft(SyncObject obj)
{
    public SyncObject Object { get; } = obj;

    public string Direction { get; set; } = SyncWords.PushAndPull;

    public string FilterMatch { get; set; } = SyncFilterMatch.Any.ToWord();

    public List<SyncConditionDraft> Conditions { get; } = [];

    public List<SyncFieldDraft> Fields { get; } = [];

    /// <summary>The object's own poll schedule (cron, UTC); blank: the sync frequency.</summary>
    public string? PullSchedule { get; set; }

    /// <summary>PUSH or PULL only: the object's direction supersedes the fields' own.</summary>
    public bool Supersedes => Direction != SyncWords.PushAndPull;

    /// <summary>The direction <paramref name="field"/> actually syncs in.</summary>
    public string Effective(SyncFieldDraft field) =>
        SyncWords.TryParseDirection(Direction, out var objectDirection)
            ? SyncWords.Effective(objectDirection, SyncWords.TryParseDirection(field.Direction, out var own) ? own : null).ToWord()
            : Direction;

    /// <summary>Whether the object's direction overrides a direction the field was given.</summary>
    public bool Overrides(SyncFieldDraft field) => Supersedes && !string.IsNullOrEmpty(field.Direction) && field.Direction != Direction;

    public SyncObjectRequest ToRequest() => new(
        Direction, FilterMatch, [.. Conditions.Select(c => new SyncCondition(c.Field, c.Operator, c.Value))],
        [.. Fields.Select(f => new SyncFieldRequest(f.ClientSuccessField, f.CrmField, string.IsNullOrEmpty(f.Direction) ? null : f.Direction))],
        string.IsNullOrWhiteSpace(PullSchedule) ? null : PullSchedule.Trim());

    public static SyncObjectDraft From(SyncObject obj, SyncObjectView? view)
    {
        var draft = new SyncObjectDraft(obj);
        if (view is null)
        {
            return draft;
        }

        draft.Direction = view.Direction;
        draft.FilterMatch = view.FilterMatch;
        draft.PullSchedule = view.PullSchedule;
        draft.Conditions.AddRange(view.ImportFilter.Select(c => new SyncConditionDraft { Field = c.Field, Operator = c.Operator, Value = c.Value }));
        draft.Fields.AddRange(view.Fields.Select(f => new SyncFieldDraft { ClientSuccessField = f.ClientSuccessField, CrmField = f.CrmField, Direction = f.Direction }));
        return draft;
    }
}

/// <summary>An import-filter condition being edited.</summary>
public sealed class SyncConditionDraft
{
    public string? Field { get; set; }

    public string? Operator { get; set; } = "equals";

    public string? Value { get; set; }
}

/// <summary>A field mapping being edited; a blank direction follows the object's.</summary>
public sealed class SyncFieldDraft
{
    public string? ClientSuccessField { get; set; }

    public string? CrmField { get; set; }

    public string? Direction { get; set; }

    public static SyncFieldDraft From(SyncFieldRequest request) =>
        new() { ClientSuccessField = request.ClientSuccessField, CrmField = request.CrmField, Direction = request.Direction };
}
