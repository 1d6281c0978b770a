using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

public sealed class RecordUseTests
{
    [Fact]
    public void Lazily_ScriptThatReadsItsRecords_GetsThemParsedAndLooksAgainNowAndThen()
    {
        var sut = new RecordUse();
        Assert.True(sut.Lazily());

        sut.Saw(records: 100, parsed: 100);
        var lazy = Enumerable.Range(0, 64).Count(_ => sut.Lazily());

        Assert.Equal(2, lazy);
        sut.Saw(records: 100, parsed: 0);
        Assert.All(Enumerable.Range(0, 10), _ => Assert.True(sut.Lazily()));
    }

    [Fact]
    public void Saw_TooFewRecordsToJudge_ChangesNothing()
    {
        var sut = new RecordUse();

        sut.Saw(records: 3, parsed: 3);

        Assert.True(sut.Lazily());
    }
}
