using System.Text.RegularExpressions;

namespace FlowStudio.Engine.Scheduling;

/// <summary>The time zone a schedule's wall-clock times are read in: an IANA name (e.g. <c>America/New_York</c>); blank is UTC.</summary>
public static partial class ScheduleTimeZone
{
    /// <summary>The zone of a schedule that names none.</summary>
    public const string Default = "UTC";

    /// <summary>Finds the zone, or says why the name is not one (with the right spelling when only its case is wrong).</summary>
    public static (TimeZoneInfo? Zone, string? Problem) Find(string? name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Trim() is Default or "Etc/UTC")
        {
            return (TimeZoneInfo.Utc, null);
        }

        var id = name.Trim();
        // Only names shaped like IANA ids reach the system lookup, which reads a file named after them. Its cache ignores
        // case while the files do not, so the name must match exactly to be found the same way every time.
        if (id.Length <= 64 && IanaName().IsMatch(id) && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) && zone.Id == id)
        {
            return (zone, null);
        }

        var match = Names().FirstOrDefault(n => string.Equals(n, id, StringComparison.OrdinalIgnoreCase));
        return (null, match is null
            ? $"'{id}' is not a time zone; use an IANA name such as America/New_York, Europe/Paris or UTC."
            : $"'{id}' is not a time zone; did you mean {match}?");
    }

    /// <summary>The IANA names this machine knows, sorted, for pickers.</summary>
    public static IReadOnlyList<string> Names() => AllNames.Value;

    private static readonly Lazy<IReadOnlyList<string>> AllNames = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal) || id == Default)
            .Order(StringComparer.Ordinal)]);

    [GeneratedRegex(@"^[A-Za-z0-9_+\-]+(/[A-Za-z0-9_+\-]+)*$")]
    private static partial Regex IanaName();
}
