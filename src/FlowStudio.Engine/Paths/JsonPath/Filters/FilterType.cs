namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>The three types of RFC 9535's filter type system (§2.4.1).</summary>
internal enum FilterType
{
    /// <summary>A JSON value, or Nothing.</summary>
    Value,

    /// <summary>LogicalTrue or LogicalFalse.</summary>
    Logical,

    /// <summary>A list of nodes (what a query selects).</summary>
    Nodes,
}
