using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Transforms;

namespace FlowStudio.Engine.Tests.Transforms;

public sealed class TransformValidatorTests
{
    private static readonly string[] Fields = ["id", "status", "score", "client"];

    private static TransformValidator CreateSut() => new(new JintScriptEvaluator());

    [Fact]
    public void Validate_GoodSteps_HasNoProblems()
    {
        var errors = CreateSut().Validate(
        [
            new TransformStep(TransformStepKinds.Filter, FilterMatches.Any, [new FilterCondition("client.name", FilterOperators.Contains, "a")]),
            new TransformStep(TransformStepKinds.Rename, Field: "status", To: "health"),
            new TransformStep(TransformStepKinds.Compute, Field: "double", Expression: "record.score * 2"),
            new TransformStep(TransformStepKinds.Drop, Fields: ["health", "double"]),
            new TransformStep(TransformStepKinds.Script, Code: "function transform(r) { return r; }"),
            new TransformStep(TransformStepKinds.Drop, Fields: ["anything"]),
        ], Fields);

        Assert.Empty(errors);
    }

    [Fact]
    public void Validate_UnknownKindAndOperator_NameTheFields()
    {
        var errors = CreateSut().Validate(
        [
            new TransformStep("sort"),
            new TransformStep(TransformStepKinds.Filter, "most", [new FilterCondition("id", "like", "1")]),
        ]);

        Assert.Equal(["steps[0].kind", "steps[1].match", "steps[1].conditions[0].operator"], errors.Select(e => e.Field));
        Assert.StartsWith("Unknown operator “like”: use equals, notEquals", errors[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_BadExpressionAndScript_GiveTheSyntaxError()
    {
        var errors = CreateSut().Validate(
        [
            new TransformStep(TransformStepKinds.Compute, Field: "x", Expression: "record.score *"),
            new TransformStep(TransformStepKinds.Script, Code: "function transform(r) {\n  return r;;\n"),
            new TransformStep(TransformStepKinds.Script, Code: "function shape(r) { return r; }"),
        ]);

        Assert.Equal(["steps[0].expression", "steps[1].code", "steps[2].code"], errors.Select(e => e.Field));
        Assert.StartsWith("SyntaxError", errors[0].Message, StringComparison.Ordinal);
        Assert.StartsWith("Code: SyntaxError at line 3", errors[1].Message, StringComparison.Ordinal);
        Assert.Equal("The code must define function transform(record).", errors[2].Message);
    }

    [Fact]
    public void Validate_StepsReferringToNothing_NameTheMissingField()
    {
        var errors = CreateSut().Validate(
        [
            new TransformStep(TransformStepKinds.Rename, Field: "status", To: "health"),
            new TransformStep(TransformStepKinds.Filter, Conditions: [new FilterCondition("status", FilterOperators.EqualsTo, "red")]),
            new TransformStep(TransformStepKinds.Drop, Fields: ["score", "nope"]),
            new TransformStep(TransformStepKinds.Rename, Field: "", To: "x"),
        ], Fields);

        Assert.Equal(["steps[1].conditions[0].field", "steps[2].fields[1]", "steps[3].field"], errors.Select(e => e.Field));
        Assert.Equal("No field “status” in the records at this step.", errors[0].Message);
    }

    [Fact]
    public void Validate_MissingValues_AskForThem()
    {
        var errors = CreateSut().Validate(
        [
            new TransformStep(TransformStepKinds.Filter, Conditions: [new FilterCondition("score", FilterOperators.GreaterThan), new FilterCondition("id", FilterOperators.InList)]),
            new TransformStep(TransformStepKinds.Filter),
            new TransformStep(TransformStepKinds.Drop, Fields: []),
        ]);

        Assert.Equal(["steps[0].conditions[0].value", "steps[0].conditions[1].values", "steps[1].conditions", "steps[2].fields"], errors.Select(e => e.Field));
    }
}
