using System.Globalization;
using System.Numerics;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>
/// Equality and order of filter values (RFC 9535 §2.3.5.2.2). Null arguments mean Nothing. Numbers compare by value
/// (1 == 1.0), strings by Unicode scalar values, arrays and objects deeply (object member order does not matter).
/// Nothing here throws: values that cannot be compared are simply not equal and not ordered.
/// </summary>
internal static class JsonValueComparer
{
    private enum Kind
    {
        Null,
        Boolean,
        Number,
        String,
        Array,
        Object,
        Other,
    }

    public static bool Equal(JToken? a, JToken? b)
    {
        if (a is null || b is null)
        {
            return a is null && b is null;
        }

        var pending = new Stack<(JToken A, JToken B)>();
        pending.Push((a, b));
        while (pending.Count > 0)
        {
            var (x, y) = pending.Pop();
            if (!SameShallow(x, y, pending))
            {
                return false;
            }
        }

        return true;
    }

    public static bool Less(JToken? a, JToken? b)
    {
        if (a is null || b is null)
        {
            return false;
        }

        return (KindOf(a), KindOf(b)) switch
        {
            (Kind.Number, Kind.Number) => CompareNumbers(((JValue)a).Value, ((JValue)b).Value) < 0,
            (Kind.String, Kind.String) => CompareCodePoints(Text(a), Text(b)) < 0,
            _ => false,
        };
    }

    /// <summary>Orders strings by Unicode scalar values (UTF-16 code units would put U+E000..U+FFFF after astral characters).</summary>
    public static int CompareCodePoints(string a, string b)
    {
        var length = Math.Min(a.Length, b.Length);
        for (var i = 0; i < length; i++)
        {
            if (a[i] != b[i])
            {
                return Fixup(a[i]).CompareTo(Fixup(b[i]));
            }
        }

        return a.Length.CompareTo(b.Length);

        static int Fixup(char c) => c >= '\uE000' ? c - 0x800 : char.IsSurrogate(c) ? c + 0x2000 : c;
    }

    private static bool SameShallow(JToken x, JToken y, Stack<(JToken A, JToken B)> pending)
    {
        var kind = KindOf(x);
        if (kind != KindOf(y))
        {
            return false;
        }

        switch (kind)
        {
            case Kind.Null:
                return true;
            case Kind.Boolean:
                return (bool)((JValue)x).Value! == (bool)((JValue)y).Value!;
            case Kind.Number:
                return CompareNumbers(((JValue)x).Value, ((JValue)y).Value) == 0;
            case Kind.String:
                return string.Equals(Text(x), Text(y), StringComparison.Ordinal);
            case Kind.Array:
                var left = (JArray)x;
                var right = (JArray)y;
                if (left.Count != right.Count)
                {
                    return false;
                }

                for (var i = 0; i < left.Count; i++)
                {
                    pending.Push((left[i], right[i]));
                }

                return true;
            case Kind.Object:
                var one = (JObject)x;
                var other = (JObject)y;
                if (one.Count != other.Count)
                {
                    return false;
                }

                foreach (var property in one.Properties())
                {
                    if (!other.TryGetValue(property.Name, out var match))
                    {
                        return false;
                    }

                    pending.Push((property.Value, match));
                }

                return true;
            default:
                return ReferenceEquals(x, y);
        }
    }

    private static Kind KindOf(JToken token) => token.Type switch
    {
        JTokenType.Null or JTokenType.Undefined => Kind.Null,
        JTokenType.Boolean => Kind.Boolean,
        JTokenType.Integer or JTokenType.Float => Kind.Number,
        JTokenType.String or JTokenType.Date or JTokenType.Guid or JTokenType.Uri or JTokenType.TimeSpan => Kind.String,
        JTokenType.Array => Kind.Array,
        JTokenType.Object => Kind.Object,
        _ => Kind.Other,
    };

    private static string Text(JToken token) => Convert.ToString(((JValue)token).Value, CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Negative, zero or positive; null when the numbers are unordered (NaN).</summary>
    private static int? CompareNumbers(object? a, object? b)
    {
        if (a is long la && b is long lb)
        {
            return la.CompareTo(lb);
        }

        if (IsIntegral(a) && IsIntegral(b))
        {
            return ToBig(a).CompareTo(ToBig(b));
        }

        var da = ToDouble(a);
        var db = ToDouble(b);
        return double.IsNaN(da) || double.IsNaN(db) ? null : da.CompareTo(db);
    }

    private static bool IsIntegral(object? value) => value is long or int or short or sbyte or byte or ushort or uint or ulong or BigInteger;

    private static BigInteger ToBig(object? value) => value switch
    {
        BigInteger big => big,
        ulong u => u,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static double ToDouble(object? value) => value switch
    {
        double d => d,
        BigInteger big => (double)big,
        null => double.NaN,
        _ => Convert.ToDouble(value, CultureInfo.InvariantCulture),
    };
}
