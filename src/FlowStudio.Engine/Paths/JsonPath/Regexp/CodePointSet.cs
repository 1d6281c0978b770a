using System.Globalization;
using System.Text;

namespace FlowStudio.Engine.Paths.JsonPath.Regexp;

/// <summary>
/// A set of Unicode scalar values as sorted, disjoint ranges. .NET regexes match UTF-16 code units, so a set is written
/// as a class for its BMP part plus surrogate-pair alternatives for the rest; that way <c>.</c> and classes match whole
/// characters beyond U+FFFF, as I-Regexp requires. Surrogate code points are never members.
/// </summary>
internal sealed class CodePointSet
{
    private const int MaxScalar = 0x10FFFF;

    private readonly List<(int Low, int High)> _ranges;

    private CodePointSet(List<(int Low, int High)> ranges) => _ranges = ranges;

    public static CodePointSet Empty { get; } = new([]);

    /// <summary>Every Unicode scalar value.</summary>
    public static CodePointSet All { get; } = new([(0, 0xD7FF), (0xE000, MaxScalar)]);

    public static CodePointSet Of(int low, int high) => Normalize([(low, high)]);

    public static CodePointSet FromRanges(IEnumerable<(int Low, int High)> ranges) => Normalize([.. ranges]);

    public CodePointSet Union(CodePointSet other) => Normalize([.. _ranges, .. other._ranges]);

    public CodePointSet Complement()
    {
        var result = new List<(int Low, int High)>();
        var next = 0;
        foreach (var (low, high) in _ranges)
        {
            if (low > next)
            {
                result.Add((next, low - 1));
            }

            next = high + 1;
        }

        if (next <= MaxScalar)
        {
            result.Add((next, MaxScalar));
        }

        return Normalize(result);
    }

    /// <summary>A .NET pattern matching exactly one member (one or two UTF-16 code units); a group, so a quantifier may follow.</summary>
    public string ToPattern()
    {
        var bmp = new StringBuilder();
        var alternatives = new List<string>();
        foreach (var (low, high) in _ranges)
        {
            if (low <= 0xFFFF)
            {
                bmp.Append(Unit(low));
                if (Math.Min(high, 0xFFFF) > low)
                {
                    bmp.Append('-').Append(Unit(Math.Min(high, 0xFFFF)));
                }
            }

            if (high > 0xFFFF)
            {
                AddAstral(Math.Max(low, 0x10000), high, alternatives);
            }
        }

        if (bmp.Length > 0)
        {
            alternatives.Insert(0, "[" + bmp + "]");
        }

        return alternatives.Count == 0 ? @"[^\u0000-\uFFFF]" : "(?:" + string.Join("|", alternatives) + ")";
    }

    private static void AddAstral(int low, int high, List<string> alternatives)
    {
        var (lowHigh, lowLow) = Split(low);
        var (highHigh, highLow) = Split(high);
        if (lowHigh == highHigh)
        {
            alternatives.Add(Unit(lowHigh) + "[" + Unit(lowLow) + "-" + Unit(highLow) + "]");
            return;
        }

        alternatives.Add(Unit(lowHigh) + "[" + Unit(lowLow) + @"-\uDFFF]");
        if (highHigh - lowHigh > 1)
        {
            alternatives.Add("[" + Unit(lowHigh + 1) + "-" + Unit(highHigh - 1) + @"][\uDC00-\uDFFF]");
        }

        alternatives.Add(Unit(highHigh) + @"[\uDC00-" + Unit(highLow) + "]");
    }

    private static (int High, int Low) Split(int scalar)
    {
        var offset = scalar - 0x10000;
        return (0xD800 + (offset >> 10), 0xDC00 + (offset & 0x3FF));
    }

    private static string Unit(int unit) => @"\u" + unit.ToString("X4", CultureInfo.InvariantCulture);

    private static CodePointSet Normalize(List<(int Low, int High)> ranges)
    {
        var cut = new List<(int Low, int High)>();
        foreach (var (low, high) in ranges)
        {
            // Surrogate code points are not characters: take them out of every range.
            if (low < 0xD800 && high >= 0xD800)
            {
                cut.Add((low, 0xD7FF));
            }
            else if (high < 0xD800 || low > 0xDFFF)
            {
                cut.Add((low, high));
            }

            if (high > 0xDFFF && low <= 0xDFFF)
            {
                cut.Add((0xE000, high));
            }
        }

        cut.Sort((a, b) => a.Low.CompareTo(b.Low));
        var merged = new List<(int Low, int High)>();
        foreach (var range in cut.Where(r => r.Low <= r.High))
        {
            if (merged.Count > 0 && range.Low <= merged[^1].High + 1)
            {
                merged[^1] = (merged[^1].Low, Math.Max(merged[^1].High, range.High));
            }
            else
            {
                merged.Add(range);
            }
        }

        return new CodePointSet(merged);
    }
}
