using System.Globalization;

namespace FlowStudio.Web.Features.Flows;

public enum FlowNodeKind
{
    Source,
    Dataset,
    Transform,
    Destination,
}

/// <summary>Left to right (source, dataset, destinations in columns) or, on narrow screens, top to bottom as an indented tree.</summary>
public enum FlowOrientation
{
    LeftToRight,
    TopToBottom,
}

/// <summary>A node to place: <paramref name="ParentId"/> is the node its edge comes from (null for a flow's first node).</summary>
public sealed record FlowLayoutNode(string Id, FlowNodeKind Kind, string? ParentId);

/// <summary>Where a node sits, and the nodes the arrow keys move to from it (null where there is none).</summary>
public sealed record FlowPlacement(string Id, FlowNodeKind Kind, double X, double Y, string? Left, string? Right, string? Up, string? Down);

public sealed record FlowEdge(string From, string To, string Path);

/// <summary>
/// A layered layout of the flows, computed here rather than in the browser so it is the same on every screen and testable.
/// Every node has at most one parent (a dataset has its source, a transform and a destination the dataset they read, a
/// response webhook source the destination that feeds it), so the flows form a forest: each tree is laid out as a tidy tree, leaves one row apart and
/// each parent centred on its children.
/// </summary>
public sealed class FlowLayout
{
    public const double NodeWidth = 256;
    public const double NodeHeight = 112;
    private const double ColumnGap = 72;
    private const double RowGap = 24;
    private const double TreeIndent = 28;
    private const double TreeRowGap = 16;
    private const double Margin = 16;

    private FlowLayout(FlowOrientation orientation, IReadOnlyList<FlowPlacement> placements, IReadOnlyList<FlowEdge> edges, double width, double height)
    {
        Orientation = orientation;
        Placements = placements;
        Edges = edges;
        Width = width;
        Height = height;
    }

    public FlowOrientation Orientation { get; }

    /// <summary>The nodes in reading order (each flow from its source down), which is also the Tab order.</summary>
    public IReadOnlyList<FlowPlacement> Placements { get; }

    public IReadOnlyList<FlowEdge> Edges { get; }

    public double Width { get; }

    public double Height { get; }

    public static FlowLayout Compute(IReadOnlyList<FlowLayoutNode> nodes, FlowOrientation orientation)
    {
        var ids = nodes.Select(n => n.Id).ToHashSet();
        var children = nodes.Where(n => n.ParentId is not null && ids.Contains(n.ParentId))
            .GroupBy(n => n.ParentId!).ToDictionary(g => g.Key, g => g.ToList());
        var roots = nodes.Where(n => n.ParentId is null || !ids.Contains(n.ParentId)).ToList();

        var order = new List<(FlowLayoutNode Node, int Depth)>();
        var rows = new Dictionary<string, double>();
        var leaf = 0;
        foreach (var root in roots)
        {
            Visit(root, 0);
        }

        double Visit(FlowLayoutNode node, int depth)
        {
            order.Add((node, depth));
            var kids = children.GetValueOrDefault(node.Id) ?? [];
            double row;
            if (kids.Count == 0)
            {
                row = leaf++;
            }
            else
            {
                var kidRows = kids.Select(k => Visit(k, depth + 1)).ToList();
                row = (kidRows[0] + kidRows[^1]) / 2;
            }

            rows[node.Id] = row;
            return row;
        }

        var positions = new Dictionary<string, (double X, double Y)>();
        for (var i = 0; i < order.Count; i++)
        {
            var (node, depth) = order[i];
            positions[node.Id] = orientation == FlowOrientation.LeftToRight
                ? (Margin + depth * (NodeWidth + ColumnGap), Margin + rows[node.Id] * (NodeHeight + RowGap))
                : (Margin + depth * TreeIndent, Margin + i * (NodeHeight + TreeRowGap));
        }

        var parents = nodes.Where(n => n.ParentId is not null && ids.Contains(n.ParentId)).ToDictionary(n => n.Id, n => n.ParentId!);
        var placements = order.Select((entry, index) =>
        {
            var id = entry.Node.Id;
            var (up, down) = orientation == FlowOrientation.LeftToRight
                ? Siblings(id, entry.Depth, order, rows)
                : (index > 0 ? order[index - 1].Node.Id : null, index < order.Count - 1 ? order[index + 1].Node.Id : null);
            return new FlowPlacement(id, entry.Node.Kind, positions[id].X, positions[id].Y,
                parents.GetValueOrDefault(id), children.GetValueOrDefault(id)?.FirstOrDefault()?.Id, up, down);
        }).ToList();

        var edges = parents.Select(p => new FlowEdge(p.Value, p.Key, Path(positions[p.Value], positions[p.Key], orientation)))
            .OrderBy(e => order.FindIndex(o => o.Node.Id == e.To)).ToList();
        var width = positions.Count == 0 ? 0 : positions.Values.Max(p => p.X) + NodeWidth + Margin;
        var height = positions.Count == 0 ? 0 : positions.Values.Max(p => p.Y) + NodeHeight + Margin;
        return new FlowLayout(orientation, placements, edges, width, height);
    }

    /// <summary>The nearest nodes above and below in the same column.</summary>
    private static (string? Up, string? Down) Siblings(string id, int depth, List<(FlowLayoutNode Node, int Depth)> order, Dictionary<string, double> rows)
    {
        var column = order.Where(o => o.Depth == depth).Select(o => o.Node.Id).OrderBy(n => rows[n]).ToList();
        var at = column.IndexOf(id);
        return (at > 0 ? column[at - 1] : null, at < column.Count - 1 ? column[at + 1] : null);
    }

    private static string Path((double X, double Y) from, (double X, double Y) to, FlowOrientation orientation)
    {
        if (orientation == FlowOrientation.LeftToRight)
        {
            var (x1, y1, x2, y2) = (from.X + NodeWidth, from.Y + NodeHeight / 2, to.X, to.Y + NodeHeight / 2);
            var bend = ColumnGap / 2;
            return Invariant($"M {x1} {y1} C {x1 + bend} {y1}, {x2 - bend} {y2}, {x2} {y2}");
        }

        // Down the parent's left side, then right into the child.
        var x = from.X + TreeIndent / 2;
        return Invariant($"M {x} {from.Y + NodeHeight} V {to.Y + NodeHeight / 2} H {to.X}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
