using System.Globalization;

namespace FlowStudio.Engine.Paths.JsonPath.Regexp;

/// <summary>
/// The members of each Unicode general category I-Regexp's <c>\p{..}</c> may name (e.g. <c>L</c>, <c>Lu</c>), over all of
/// Unicode, not only the BMP that .NET's own <c>\p{..}</c> sees. Built once, on first use, from the runtime's Unicode data.
/// </summary>
internal static class UnicodeCategories
{
    private static readonly Lazy<Dictionary<string, CodePointSet>> Sets = new(Build);

    private static readonly string[] Codes =
    [
        "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Mc", "Me", "Nd", "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Cs", "Co",
        "Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "Sk", "So", "Cn",
    ];

    /// <summary>The category's members, or null when I-Regexp does not allow the name.</summary>
    public static CodePointSet? Find(string name) => Sets.Value.GetValueOrDefault(name);

    private static Dictionary<string, CodePointSet> Build()
    {
        // Codes is in the order of the UnicodeCategory enum.
        var ranges = Codes.Select(_ => new List<(int Low, int High)>()).ToArray();
        var start = 0;
        var current = CharUnicodeInfo.GetUnicodeCategory(0);
        for (var scalar = 1; scalar <= 0x110000; scalar++)
        {
            if (scalar is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            var category = scalar == 0x110000 ? (UnicodeCategory)(-1) : CharUnicodeInfo.GetUnicodeCategory(scalar);
            if (category != current || scalar == 0xE000)
            {
                ranges[(int)current].Add((start, scalar == 0xE000 ? 0xD7FF : scalar - 1));
                start = scalar;
                current = category;
            }
        }

        var sets = new Dictionary<string, CodePointSet>(StringComparer.Ordinal);
        for (var i = 0; i < Codes.Length; i++)
        {
            sets[Codes[i]] = CodePointSet.FromRanges(ranges[i]);
        }

        foreach (var group in Codes.GroupBy(c => c[..1]))
        {
            sets[group.Key] = group.Aggregate(CodePointSet.Empty, (set, code) => set.Union(sets[code]));
        }

        // I-Regexp has no Cs (surrogates are not characters).
        sets.Remove("Cs");
        return sets;
    }
}
