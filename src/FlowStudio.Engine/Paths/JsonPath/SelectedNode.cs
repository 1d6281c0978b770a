using Newtonsoft.Json.Linq;

namespace FlowStudio.Engine.Paths.JsonPath;

/// <summary>A node during evaluation: its value and, when paths are wanted, its location.</summary>
internal readonly record struct SelectedNode(JToken Value, NodeLocation? Location)
{
    public NodeLocation? Child(string name) => Location?.Child(name);

    public NodeLocation? Child(long index) => Location?.Child(index);
}
