namespace FlowStudio.Engine.Transforms;

/// <summary>The words of <see cref="FilterCondition.Operator"/>.</summary>
public static class FilterOperators
{
    /// <summary>The field equals the value (as a number when both are numbers, else as text).</summary>
    public const string EqualsTo = "equals";

    /// <summary>The field does not equal the value.</summary>
    public const string NotEquals = "notEquals";

    /// <summary>The field's text contains the value, ignoring case.</summary>
    public const string Contains = "contains";

    /// <summary>The field is greater than the value (numbers, then dates, then text).</summary>
    public const string GreaterThan = "greaterThan";

    /// <summary>The field is less than the value.</summary>
    public const string LessThan = "lessThan";

    /// <summary>The field is missing, null, blank text, or an empty array or object.</summary>
    public const string IsEmpty = "isEmpty";

    /// <summary>The field has a value that is not empty.</summary>
    public const string IsNotEmpty = "isNotEmpty";

    /// <summary>The field equals one of the values.</summary>
    public const string InList = "inList";

    /// <summary>Every operator, in the order the editor offers them.</summary>
    public static readonly IReadOnlyList<string> All = [EqualsTo, NotEquals, Contains, GreaterThan, LessThan, IsEmpty, IsNotEmpty, InList];

    /// <summary>Whether <paramref name="op"/> compares with <see cref="FilterCondition.Value"/>.</summary>
    public static bool TakesValue(string op) => op is EqualsTo or NotEquals or Contains or GreaterThan or LessThan;
}
