using System.Globalization;

namespace FlowStudio.Engine.Scheduling;

/// <summary>
/// One item of a cron field's list: <c>*</c> (<see cref="Star"/>), a value, a range, or either with a step;
/// <see cref="Open"/> marks <c>a/n</c> (from a to the field's end).
/// </summary>
internal sealed record CronPart(int From, int To, int Step, bool Star, bool Open = false)
{
    /// <summary>The item with numbers only, as Cronos reads it.</summary>
    public override string ToString()
    {
        var range = Star ? "*" : From == To ? From.ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{From}-{To}");
        return Step > 1 && From != To ? string.Create(CultureInfo.InvariantCulture, $"{range}/{Step}") : range;
    }
}
