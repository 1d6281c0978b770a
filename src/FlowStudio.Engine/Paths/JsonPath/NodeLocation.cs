using System.Text;
using System.Text.Json;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>Where a selected node sits: a chain of names and indexes back to the root, turned into a Normalized Path on demand.</summary>
internal sealed class NodeLocation
{
    public static readonly NodeLocation Root = new(null, null, 0);

    private readonly NodeLocation? _parent;
    private readonly string? _name;
    private readonly long _index;

    private NodeLocation(NodeLocation? parent, string? name, long index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public NodeLocation Child(string name) => new(this, name, 0);

    public NodeLocation Child(long index) => new(this, null, index);

    /// <summary>The element at this location in <paramref name="root"/> (the same JSON the location was found in).</summary>
    public JsonElement Find(JsonElement root)
    {
        var parts = new Stack<NodeLocation>();
        for (var at = this; at._parent is not null; at = at._parent)
        {
            parts.Push(at);
        }

        var element = root;
        foreach (var part in parts)
        {
            element = part._name is null ? element[(int)part._index] : element.GetProperty(part._name);
        }

        return element;
    }

    public string ToNormalizedPath()
    {
        var parts = new Stack<NodeLocation>();
        for (var at = this; at._parent is not null; at = at._parent)
        {
            parts.Push(at);
        }

        var builder = new StringBuilder("$");
        foreach (var part in parts)
        {
            builder.Append(part._name is null ? NormalizedPaths.Index(part._index) : NormalizedPaths.Name(part._name));
        }

        return builder.ToString();
    }
}
