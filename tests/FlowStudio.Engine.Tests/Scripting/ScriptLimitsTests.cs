using System.ComponentModel.DataAnnotations;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

public sealed class ScriptLimitsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var limits = new ScriptLimits();

        Assert.Equal(TimeSpan.FromSeconds(2), limits.Timeout);
        Assert.Equal(1_000_000, limits.MaxStatements);
        Assert.Equal(64, limits.MaxRecursion);
        Assert.Equal(64L * 1024 * 1024, limits.MemoryBytes);
        Assert.Same(limits, limits.Validate());
    }

    [Theory]
    [InlineData(0, 1000, 64, 64)]
    [InlineData(2000, 0, 64, 64)]
    [InlineData(2000, 1000, 0, 64)]
    [InlineData(2000, 1000, 64, 0)]
    public void Validate_OutOfRange_Throws(int timeoutMs, int statements, int recursion, int memoryMb)
    {
        var limits = new ScriptLimits
        {
            Timeout = TimeSpan.FromMilliseconds(timeoutMs),
            MaxStatements = statements,
            MaxRecursion = recursion,
            MemoryBytes = memoryMb * 1024L * 1024,
        };

        Assert.Throws<ValidationException>(() => new JintScriptEvaluator(limits, TimeProvider.System));
    }
}
