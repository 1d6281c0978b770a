using FlowStudio.Engine.Transforms;

namespace FlowStudio.Web.Features.Transforms;

/// <summary>One step as the editor holds it while the user types: lists as comma-separated text, every field kept when the kind changes.</summary>
public sealed class StepDraft
{
    public string Kind { get; set; } = TransformStepKinds.Filter;

    public string Match { get; set; } = FilterMatches.All;

    public List<ConditionDraft> Conditions { get; } = [];

    public string Field { get; set; } = "";

    public string To { get; set; } = "";

    public string Fields { get; set; } = "";

    public string Expression { get; set; } = "";

    public string Code { get; set; } = "function transform(record) {\n  return record;\n}";

    public static StepDraft New(string kind)
    {
        var draft = new StepDraft { Kind = kind };
        if (kind == TransformStepKinds.Filter)
        {
            draft.Conditions.Add(new ConditionDraft());
        }

        return draft;
    }

    public static StepDraft From(TransformStep step)
    {
        var draft = new StepDraft
        {
            Kind = step.Kind,
            Match = step.Match ?? FilterMatches.All,
            Field = step.Field ?? "",
            To = step.To ?? "",
            Fields = string.Join(", ", step.Fields ?? []),
            Expression = step.Expression ?? "",
        };
        draft.Code = step.Code ?? draft.Code;
        draft.Conditions.AddRange((step.Conditions ?? []).Select(c => new ConditionDraft
        {
            Field = c.Field,
            Operator = c.Operator,
            Value = c.Operator == FilterOperators.InList ? string.Join(", ", c.Values ?? []) : c.Value ?? "",
        }));
        return draft;
    }

    /// <summary>The step with only its kind's fields.</summary>
    public TransformStep ToStep() => Kind switch
    {
        TransformStepKinds.Filter => new(Kind, Match, [.. Conditions.Select(c => c.ToCondition())]),
        TransformStepKinds.Rename => new(Kind, Field: Field, To: To),
        TransformStepKinds.Drop => new(Kind, Fields: List(Fields)),
        TransformStepKinds.Compute => new(Kind, Field: Field, Expression: Expression),
        _ => new(Kind, Code: Code),
    };

    public static string Label(string kind) => kind switch
    {
        TransformStepKinds.Filter => "Filter records",
        TransformStepKinds.Rename => "Rename field",
        TransformStepKinds.Drop => "Drop fields",
        TransformStepKinds.Compute => "Compute field",
        _ => "JavaScript",
    };

    internal static List<string> List(string text) =>
        [.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}

/// <summary>A filter condition being edited; for “in list” the value is the comma-separated list.</summary>
public sealed class ConditionDraft
{
    public string Field { get; set; } = "";

    public string Operator { get; set; } = FilterOperators.EqualsTo;

    public string Value { get; set; } = "";

    public FilterCondition ToCondition() => Operator == FilterOperators.InList
        ? new(Field, Operator, Values: StepDraft.List(Value))
        : new(Field, Operator, FilterOperators.TakesValue(Operator) ? Value : null);

    public static string Label(string op) => op switch
    {
        FilterOperators.EqualsTo => "equals",
        FilterOperators.NotEquals => "does not equal",
        FilterOperators.Contains => "contains",
        FilterOperators.GreaterThan => "is greater than",
        FilterOperators.LessThan => "is less than",
        FilterOperators.IsEmpty => "is empty",
        FilterOperators.IsNotEmpty => "is not empty",
        _ => "is in the list",
    };
}
