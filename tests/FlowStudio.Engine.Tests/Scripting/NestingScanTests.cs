using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

public sealed class NestingScanTests
{
    [Theory]
    [InlineData("const group = (r) => ({ a: [r.map((x) => ({ y: x }))] });")]
    [InlineData("function group(r) { return '((((((((((' + \"[[[[[[[[[[\" + `{{{{{{ ${r.length} ((((((`; }")]
    [InlineData("function group(r) { // ((((((((((\n /* [[[[[[[[[[[[ */ return /\\(((((((((/.test('a'); }")]
    public void Check_BracketsInStringsCommentsAndRegexes_AreNotCounted(string code)
    {
        Assert.Null(NestingScan.Check(code, 8));
    }

    [Fact]
    public void Check_TooDeep_NamesLineAndColumn()
    {
        var problem = NestingScan.Check("function group(r) {\n  return [[[[[[[[1]]]]]]]];\n}", 8);

        Assert.Equal((2, 17), (problem?.Line, problem?.Column));
        Assert.Contains("nested more than 8 deep", problem?.Message);
    }

    [Fact]
    public void Check_TemplateSubstitutions_CountAsNesting()
    {
        Assert.NotNull(NestingScan.Check("const x = `${`${`${`${`${`${`${`${`${1}`}`}`}`}`}`}`}`}`;", 8));
        Assert.Null(NestingScan.Check("const x = `${`${`${1}`}`}`; const y = { a: 1 };", 8));
    }
}
