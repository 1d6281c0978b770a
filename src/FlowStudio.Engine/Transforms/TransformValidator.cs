using System.Text.RegularExpressions;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Transforms;

/// <summary>
/// Checks a transform's steps before they are saved or previewed. Each problem names its field as the API does
/// (<c>steps[1].conditions[0].operator</c>). Given the input's fields, it also follows them through the steps and
/// refuses a step that refers to a field no record has at that point (until a script step, which may make any field).
/// </summary>
public sealed partial class TransformValidator(IScriptEvaluator scripts)
{
    /// <summary>Most steps one transform may have.</summary>
    public const int MaxSteps = 50;

    /// <summary>The problems of <paramref name="steps"/>; empty when they can run.</summary>
    /// <param name="steps">The steps, in order.</param>
    /// <param name="inputFields">The input dataset's top-level fields, or null (or empty) when they are not known yet.</param>
    public IReadOnlyList<FieldError> Validate(IReadOnlyList<TransformStep?>? steps, IReadOnlyCollection<string>? inputFields = null)
    {
        var errors = new List<FieldError>();
        steps ??= [];
        if (steps.Count > MaxSteps)
        {
            errors.Add(new("steps", $"A transform has at most {MaxSteps} steps."));
            return errors;
        }

        var fields = inputFields is { Count: > 0 } ? new HashSet<string>(inputFields, StringComparer.Ordinal) : null;
        for (var i = 0; i < steps.Count; i++)
        {
            var at = $"steps[{i}]";
            if (steps[i] is not { } step)
            {
                errors.Add(new(at, "The step is empty."));
                continue;
            }

            switch (step.Kind)
            {
                case TransformStepKinds.Filter:
                    CheckFilter(at, step, fields, errors);
                    break;
                case TransformStepKinds.Rename:
                    if (Required(at + ".field", step.Field, "Name the field to rename.", errors) && Known(at + ".field", step.Field!, fields, errors)
                        && Required(at + ".to", step.To, "Give the field's new name.", errors))
                    {
                        fields?.Remove(step.Field!.Trim());
                        fields?.Add(step.To!.Trim());
                    }

                    break;
                case TransformStepKinds.Drop:
                    CheckDrop(at, step, fields, errors);
                    break;
                case TransformStepKinds.Compute:
                    CheckCompute(at, step, errors);
                    fields?.Add(step.Field?.Trim() ?? "");
                    break;
                case TransformStepKinds.Script:
                    CheckScript(at, step, errors);
                    fields = null;
                    break;
                default:
                    errors.Add(new(at + ".kind", $"Unknown step kind “{step.Kind}”: use {string.Join(", ", TransformStepKinds.All)}."));
                    break;
            }
        }

        return errors;
    }

    private static void CheckFilter(string at, TransformStep step, HashSet<string>? fields, List<FieldError> errors)
    {
        if (step.Match is not (null or FilterMatches.All or FilterMatches.Any))
        {
            errors.Add(new(at + ".match", $"Unknown match “{step.Match}”: use all or any."));
        }

        if (step.Conditions is not { Count: > 0 } conditions)
        {
            errors.Add(new(at + ".conditions", "Add at least one condition."));
            return;
        }

        for (var c = 0; c < conditions.Count; c++)
        {
            var where = $"{at}.conditions[{c}]";
            var condition = conditions[c];
            if (condition is null)
            {
                errors.Add(new(where, "The condition is empty."));
                continue;
            }

            if (Required(where + ".field", condition.Field, "Name the field to compare.", errors))
            {
                Known(where + ".field", condition.Field, fields, errors);
            }

            if (!FilterOperators.All.Contains(condition.Operator))
            {
                errors.Add(new(where + ".operator", $"Unknown operator “{condition.Operator}”: use {string.Join(", ", FilterOperators.All)}."));
            }
            else if (condition.Operator is FilterOperators.GreaterThan or FilterOperators.LessThan or FilterOperators.Contains && string.IsNullOrEmpty(condition.Value))
            {
                errors.Add(new(where + ".value", "Give the value to compare with."));
            }
            else if (condition.Operator == FilterOperators.InList && condition.Values is not { Count: > 0 })
            {
                errors.Add(new(where + ".values", "Give at least one value for the list."));
            }
        }
    }

    private static void CheckDrop(string at, TransformStep step, HashSet<string>? fields, List<FieldError> errors)
    {
        if (step.Fields is not { Count: > 0 } dropped || dropped.All(string.IsNullOrWhiteSpace))
        {
            errors.Add(new(at + ".fields", "Name at least one field to drop."));
            return;
        }

        for (var f = 0; f < dropped.Count; f++)
        {
            if (Known($"{at}.fields[{f}]", dropped[f] ?? "", fields, errors))
            {
                fields?.Remove(dropped[f].Trim());
            }
        }
    }

    private void CheckCompute(string at, TransformStep step, List<FieldError> errors)
    {
        Required(at + ".field", step.Field, "Name the field to compute.", errors);
        if (Required(at + ".expression", step.Expression, "Write the expression, for example record.amount * 100.", errors)
            && scripts.CheckSyntax(StepScripts.Compute(step.Expression!)) is { } problem)
        {
            errors.Add(new(at + ".expression", StepScripts.ExpressionProblem(problem)));
        }
    }

    private void CheckScript(string at, TransformStep step, List<FieldError> errors)
    {
        if (!Required(at + ".code", step.Code, "Write the code: function transform(record) { return record; }", errors))
        {
            return;
        }

        if (scripts.CheckSyntax(step.Code!) is { } problem)
        {
            errors.Add(new(at + ".code", problem.Message));
        }
        else if (!TransformDeclared().IsMatch(step.Code!))
        {
            errors.Add(new(at + ".code", $"The code must define function {StepScripts.TransformFunction}(record)."));
        }
    }

    private static bool Required(string field, string? value, string message, List<FieldError> errors)
    {
        if (!string.IsNullOrWhiteSpace(value))
        {
            return true;
        }

        errors.Add(new(field, message));
        return false;
    }

    /// <summary>Whether the records have <paramref name="field"/> at this step (a dotted name by its first part); always when the fields are unknown.</summary>
    private static bool Known(string at, string field, HashSet<string>? fields, List<FieldError> errors)
    {
        var name = field.Trim();
        if (fields is null || fields.Contains(name) || fields.Contains(name.Split('.')[0]))
        {
            return true;
        }

        errors.Add(new(at, $"No field “{name}” in the records at this step."));
        return false;
    }

    [GeneratedRegex(@"\btransform\b")]
    private static partial Regex TransformDeclared();
}
