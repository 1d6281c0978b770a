namespace FlowStudio.Engine.Paths.JsonPath.Filters;

/// <summary>The comparison operators of RFC 9535 §2.3.5.1.</summary>
internal enum ComparisonOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
}
