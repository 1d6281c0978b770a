using System.Text.Json;
using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>
/// <c>[start:end:step]</c> on arrays, exactly as RFC 9535 §2.3.4.2.2 computes it: negative bounds count from the end,
/// a negative step walks backwards, step 0 selects nothing. Bounds are within ±(2^53-1), so long arithmetic cannot overflow.
/// </summary>
internal sealed class SliceSelector(long? start, long? end, long? step) : Selector
{
    public override void Select(SelectedNode node, EvaluationContext context, List<SelectedNode> output)
    {
        if (node.Value is not JArray array)
        {
            return;
        }

        foreach (var i in Indexes(array.Count))
        {
            output.Add(new SelectedNode(array[(int)i], node.Child(i)));
        }
    }

    public override void Select(JsonElement node, List<JsonElement> output)
    {
        if (node.ValueKind != JsonValueKind.Array)
        {
            return;
        }

        // Indexing an element walks the array: list it once.
        var items = node.EnumerateArray().ToList();
        foreach (var i in Indexes(items.Count))
        {
            output.Add(items[(int)i]);
        }
    }

    private IEnumerable<long> Indexes(long len)
    {
        var by = step ?? 1;
        if (by == 0)
        {
            yield break;
        }

        var from = start ?? (by >= 0 ? 0 : len - 1);
        var to = end ?? (by >= 0 ? len : -len - 1);
        var n1 = Normalize(from, len);
        var n2 = Normalize(to, len);
        if (by > 0)
        {
            var lower = Math.Min(Math.Max(n1, 0), len);
            var upper = Math.Min(Math.Max(n2, 0), len);
            for (var i = lower; i < upper; i += by)
            {
                yield return i;
            }
        }
        else
        {
            var upper = Math.Min(Math.Max(n1, -1), len - 1);
            var lower = Math.Min(Math.Max(n2, -1), len - 1);
            for (var i = upper; lower < i; i += by)
            {
                yield return i;
            }
        }
    }

    private static long Normalize(long i, long len) => i >= 0 ? i : len + i;
}
