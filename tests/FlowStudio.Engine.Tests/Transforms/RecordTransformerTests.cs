using FlowStudio.Engine.Scripting;
using FlowStudio.Engine.Transforms;

namespace FlowStudio.Engine.Tests.Transforms;

public sealed class RecordTransformerTests
{
    private static readonly string[] Pulses =
    [
        """{"id":1,"status":"green","score":90,"client":{"name":"Acme"},"note":"Renewal soon"}""",
        """{"id":2,"status":"red","score":30.5,"client":{"name":"Globex"},"note":""}""",
        """{"id":3,"status":"yellow","score":55,"client":{"name":"Initech"},"note":null}""",
    ];

    private static RecordTransformer CreateSut(ScriptOptions? options = null) => new(new JintScriptEvaluator(options ?? new ScriptOptions()));

    private static async Task<List<string>> OutputsAsync(params TransformStep[] steps) =>
        [.. (await CreateSut().ApplyAsync(steps, Pulses)).SelectMany(r => r.Outputs)];

    private static TransformStep Filter(string op, string? value = null, string field = "score", IReadOnlyList<string>? values = null) =>
        new(TransformStepKinds.Filter, Conditions: [new FilterCondition(field, op, value, values)]);

    [Theory]
    [InlineData(FilterOperators.EqualsTo, "90", new[] { 1 })]
    [InlineData(FilterOperators.NotEquals, "90", new[] { 2, 3 })]
    [InlineData(FilterOperators.GreaterThan, "50", new[] { 1, 3 })]
    [InlineData(FilterOperators.LessThan, "55", new[] { 2 })]
    [InlineData(FilterOperators.EqualsTo, "30.50", new[] { 2 })]
    public async Task ApplyAsync_FilterOnNumbers_ComparesAsNumbers(string op, string value, int[] ids)
    {
        var outputs = await OutputsAsync(Filter(op, value));

        Assert.Equal(ids.Select(id => $"\"id\":{id},"), outputs.Select(o => o[1..(o.IndexOf(',', StringComparison.Ordinal) + 1)]));
    }

    [Fact]
    public async Task ApplyAsync_FilterContainsOnNestedField_IgnoresCase()
    {
        var outputs = await OutputsAsync(Filter(FilterOperators.Contains, "GLOB", "client.name"));

        Assert.Equal([Pulses[1]], outputs);
    }

    [Fact]
    public async Task ApplyAsync_FilterIsEmptyAndNotEmpty_TreatBlankAndNullAsEmpty()
    {
        Assert.Equal([Pulses[1], Pulses[2]], await OutputsAsync(Filter(FilterOperators.IsEmpty, field: "note")));
        Assert.Equal([Pulses[0]], await OutputsAsync(Filter(FilterOperators.IsNotEmpty, field: "note")));
        Assert.Equal(Pulses, await OutputsAsync(Filter(FilterOperators.IsEmpty, field: "missing")));
    }

    [Fact]
    public async Task ApplyAsync_FilterInList_KeepsListedValues()
    {
        var outputs = await OutputsAsync(Filter(FilterOperators.InList, field: "status", values: ["red", "yellow"]));

        Assert.Equal([Pulses[1], Pulses[2]], outputs);
    }

    [Fact]
    public async Task ApplyAsync_FilterAllOrAny_CombinesConditions()
    {
        FilterCondition[] conditions = [new("status", FilterOperators.EqualsTo, "green"), new("score", FilterOperators.LessThan, "40")];

        Assert.Empty(await OutputsAsync(new TransformStep(TransformStepKinds.Filter, FilterMatches.All, conditions)));
        Assert.Equal([Pulses[0], Pulses[1]], await OutputsAsync(new TransformStep(TransformStepKinds.Filter, FilterMatches.Any, conditions)));
    }

    [Fact]
    public async Task ApplyAsync_FilterGreaterThanOnDates_ComparesInstants()
    {
        string[] records = ["""{"at":"2026-12-01T10:00:00Z"}""", """{"at":"2026-11-30T23:00:00-02:00"}"""];

        var result = await CreateSut().ApplyAsync([Filter(FilterOperators.GreaterThan, "2026-12-01T00:30:00Z", "at")], records);

        Assert.Equal([1, 1], result.Select(r => r.Outputs.Count));
    }

    [Fact]
    public async Task ApplyAsync_RenameAndDrop_ReshapeEveryRecord()
    {
        var outputs = await OutputsAsync(
            new TransformStep(TransformStepKinds.Rename, Field: "status", To: "health"),
            new TransformStep(TransformStepKinds.Drop, Fields: ["note", "client.name"]));

        Assert.Equal("""{"id":1,"health":"green","score":90,"client":{}}""", outputs[0]);
    }

    [Fact]
    public async Task ApplyAsync_Compute_SetsFieldFromExpression()
    {
        var outputs = await OutputsAsync(new TransformStep(TransformStepKinds.Compute, Field: "label", Expression: "record.client.name.toUpperCase() + '-' + record.score * 2"));

        Assert.Equal("""{"id":1,"status":"green","score":90,"client":{"name":"Acme"},"note":"Renewal soon","label":"ACME-180"}""", outputs[0]);
        Assert.EndsWith("\"label\":\"GLOBEX-61\"}", outputs[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_Script_KeepsDropsAndSplitsRecords()
    {
        const string code = """
            function transform(record) {
              if (record.status === 'red') return null;
              if (record.status === 'yellow') return [{ id: record.id, part: 1 }, { id: record.id, part: 2 }];
              return { ...record, checked: true };
            }
            """;

        var result = await CreateSut().ApplyAsync([new TransformStep(TransformStepKinds.Script, Code: code)], Pulses);

        Assert.Single(result[0].Outputs);
        Assert.Contains("\"checked\":true", result[0].Outputs[0], StringComparison.Ordinal);
        Assert.Empty(result[1].Outputs);
        Assert.Equal(["""{"id":3,"part":1}""", """{"id":3,"part":2}"""], result[2].Outputs);
        Assert.All(result, r => Assert.Null(r.Error));
    }

    [Fact]
    public async Task ApplyAsync_ScriptThrowsOnOneRecord_ReportsItNamingTheStepAndKeepsTheOthers()
    {
        const string code = "function transform(record) { if (record.id === 2) throw new TypeError('no red please'); return record; }";

        var result = await CreateSut().ApplyAsync(
            [new TransformStep(TransformStepKinds.Drop, Fields: ["note"]), new TransformStep(TransformStepKinds.Script, Code: code)], Pulses);

        Assert.Equal([1, 0, 1], result.Select(r => r.Outputs.Count));
        Assert.Equal("Step 2 (JavaScript): TypeError: no red please", result[1].Error?.Message);
        Assert.Equal(1, result[1].Error?.Step);
    }

    [Fact]
    public async Task ApplyAsync_ScriptReturnsText_SaysWhatToReturn()
    {
        var result = await CreateSut().ApplyAsync([new TransformStep(TransformStepKinds.Script, Code: "function transform(r) { return 'x'; }")], Pulses[..1]);

        Assert.Contains("must return the record", result[0].Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ScriptLoopsForever_StoppedByTheTimeLimitNamingTheStep()
    {
        var options = new ScriptOptions { TimeoutInterval = TimeSpan.FromMilliseconds(300), MaxStatements = int.MaxValue };

        var result = await CreateSut(options).ApplyAsync(
            [new TransformStep(TransformStepKinds.Script, Code: "function transform(r) { while (true) { } }")], Pulses);

        Assert.All(result, r => Assert.StartsWith("Step 1 (JavaScript): Code: Time limit", r.Error?.Message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task ApplyAsync_ScriptAllocatesWithoutEnd_StoppedByTheMemoryLimit()
    {
        var options = new ScriptOptions { LimitMemory = 4 * 1024 * 1024, MaxStatements = int.MaxValue };

        var result = await CreateSut(options).ApplyAsync(
            [new TransformStep(TransformStepKinds.Script, Code: "function transform(r) { const a = []; while (true) { a.push('x'.repeat(1000)); } }")],
            Pulses[..1]);

        Assert.Contains("Memory limit", result[0].Error?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ApplyAsync_ScriptReachesForTheClr_FindsNothing()
    {
        var result = await CreateSut().ApplyAsync(
            [new TransformStep(TransformStepKinds.Script, Code: "function transform(r) { return { clr: typeof System, importer: typeof importNamespace }; }")],
            Pulses[..1]);

        Assert.Equal(["""{"clr":"undefined","importer":"undefined"}"""], result[0].Outputs);
    }
}
