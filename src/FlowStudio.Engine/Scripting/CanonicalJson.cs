namespace FlowStudio.Engine.Scripting;

/// <summary>
/// Finds the JSON values that <c>JSON.stringify(JSON.parse(text))</c> gives back character for character: no spaces,
/// only the escapes JSON.stringify writes, numbers as JavaScript prints them, no repeated or integer-like keys (which
/// JavaScript reorders). A record in that form can be handed to a script unparsed and, if the script never looks inside,
/// written back as it came. It answers "no" whenever it is unsure; "no" only means the record is parsed as before.
/// </summary>
internal ref struct CanonicalJson(ReadOnlySpan<char> text)
{
    private const int MaxDepth = 32;
    private readonly ReadOnlySpan<char> _text = text;
    private int[] _keys = new int[32]; // hashes of the keys of the objects being read, innermost last
    private int _keyCount;

    /// <summary>The end (exclusive) of the canonical value that starts at <paramref name="start"/>, or -1.</summary>
    public int End(int start)
    {
        _keyCount = 0;
        return Value(start, 0);
    }

    private readonly char At(int i) => (uint)i < (uint)_text.Length ? _text[i] : '\0';

    private int Value(int i, int depth) => At(i) switch
    {
        '{' => depth < MaxDepth ? Object(i + 1, depth + 1) : -1,
        '[' => depth < MaxDepth ? Array(i + 1, depth + 1) : -1,
        '"' => String(i),
        't' => Literal(i, "true"),
        'f' => Literal(i, "false"),
        'n' => Literal(i, "null"),
        _ => Number(i),
    };

    private int Object(int i, int depth)
    {
        if (At(i) == '}')
        {
            return i + 1;
        }

        var first = _keyCount;
        while (true)
        {
            var end = At(i) == '"' ? String(i) : -1;
            if (end < 0 || !PlainKey(_text[(i + 1)..(end - 1)]) || At(end) != ':')
            {
                return -1;
            }

            Push(Hash(_text[(i + 1)..(end - 1)]));
            i = Value(end + 1, depth);
            switch (At(i))
            {
                case ',':
                    i++;
                    continue;
                case '}':
                    var keys = _keys.AsSpan(first, _keyCount - first);
                    _keyCount = first;
                    return Distinct(keys) ? i + 1 : -1;
                default:
                    return -1;
            }
        }
    }

    private int Array(int i, int depth)
    {
        if (At(i) == ']')
        {
            return i + 1;
        }

        while (true)
        {
            i = Value(i, depth);
            switch (At(i))
            {
                case ',':
                    i++;
                    continue;
                case ']':
                    return i + 1;
                default:
                    return -1;
            }
        }
    }

    // Records' strings are short: a plain loop beats a vectorised search started once per string.
    private readonly int String(int i)
    {
        var text = _text;
        var j = i + 1;
        while ((uint)j < (uint)text.Length)
        {
            var c = text[j];
            if (c == '"')
            {
                return j + 1;
            }

            if (c == '\\')
            {
                switch (At(j + 1))
                {
                    case '"' or '\\' or 'b' or 'f' or 'n' or 'r' or 't':
                        j += 2;
                        continue;
                    case 'u' when j + 6 <= text.Length && ControlEscape(text.Slice(j + 2, 4)):
                        j += 6;
                        continue;
                    default:
                        return -1;
                }
            }

            if (c < ' ')
            {
                return -1;
            }

            if (char.IsSurrogate(c))
            {
                // JSON.stringify writes only a pair as it is, high then low.
                if (!char.IsHighSurrogate(c) || !char.IsLowSurrogate(At(j + 1)))
                {
                    return -1;
                }

                j++;
            }

            j++;
        }

        return -1;
    }

    // JSON.stringify writes \u only for a control character without a short escape, in lowercase hex (and for lone
    // surrogates, which this leaves to the parser).
    private static bool ControlEscape(ReadOnlySpan<char> hex)
    {
        if (hex[0] != '0' || hex[1] != '0' || hex[2] is not ('0' or '1') || hex[3] is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
        {
            return false;
        }

        var code = ((hex[2] - '0') * 16) + (hex[3] <= '9' ? hex[3] - '0' : hex[3] - 'a' + 10);
        return code is not (8 or 9 or 10 or 12 or 13);
    }

    // Integer-like keys come first in JavaScript's key order, and __proto__ is special to object literals.
    private static bool PlainKey(ReadOnlySpan<char> key) =>
        (key.IsEmpty || key.ContainsAnyExceptInRange('0', '9')) && !key.SequenceEqual("__proto__");

    private readonly int Literal(int i, string word) => _text[i..].StartsWith(word, StringComparison.Ordinal) ? i + word.Length : -1;

    // What Number.prototype.toString gives back: no exponent, no trailing zero, at most 15 significant digits (so the
    // double read back prints the same digits), -0 only as -0.x, and between 1e-6 and 1e21.
    private readonly int Number(int i)
    {
        var j = i;
        if (At(j) == '-')
        {
            j++;
        }

        var lead = At(j);
        int significant;
        if (lead == '0')
        {
            j++;
            significant = 0;
        }
        else if (lead is >= '1' and <= '9')
        {
            j = Digits(j);
            significant = j - i - (_text[i] == '-' ? 1 : 0);
        }
        else
        {
            return -1;
        }

        if (At(j) == '.')
        {
            j++;
            var fraction = _text[j..Digits(j)];
            if (fraction.IsEmpty || fraction[^1] == '0')
            {
                return -1;
            }

            if (lead == '0')
            {
                var zeros = fraction.IndexOfAnyExcept('0');
                if (zeros > 5)
                {
                    return -1;
                }

                significant = fraction.Length - zeros;
            }
            else
            {
                significant += fraction.Length;
            }

            j += fraction.Length;
        }
        else if (lead == '0' && j - i == 2)
        {
            return -1; // -0, which JSON.stringify writes as 0
        }

        return significant <= 15 && At(j) is not ('e' or 'E') ? j : -1;
    }

    // FNV-1a over the key's characters: equal hashes only cost a parse (see Distinct).
    private static int Hash(ReadOnlySpan<char> key)
    {
        var hash = 2166136261u;
        foreach (var c in key)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)hash;
    }

    private readonly int Digits(int j)
    {
        while (At(j) is >= '0' and <= '9')
        {
            j++;
        }

        return j;
    }

    private void Push(int hash)
    {
        if (_keyCount == _keys.Length)
        {
            System.Array.Resize(ref _keys, _keys.Length * 2);
        }

        _keys[_keyCount++] = hash;
    }

    // Equal hashes count as a repeat: a rare false "no" only costs a parse.
    private static bool Distinct(Span<int> hashes)
    {
        if (hashes.Length < 2)
        {
            return true;
        }

        hashes.Sort();
        for (var i = 1; i < hashes.Length; i++)
        {
            if (hashes[i] == hashes[i - 1])
            {
                return false;
            }
        }

        return true;
    }
}
