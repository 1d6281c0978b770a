using System.ComponentModel.DataAnnotations;
using FlowStudio.Engine.Scripting;

namespace FlowStudio.Engine.Tests.Scripting;

public sealed class ScriptOptionsTests
{
    [Fact]
    public void Defaults_AreDocumentedValues()
    {
        var options = new ScriptOptions();

        Assert.Equal(TimeSpan.FromSeconds(2), options.TimeoutInterval);
        Assert.Equal(64L * 1024 * 1024, options.LimitMemory);
        Assert.Equal(1_000_000, options.MaxStatements);
        Assert.Equal(64, options.LimitRecursion);
        Assert.Equal(TimeSpan.FromSeconds(1), options.RegexTimeoutInterval);
        Assert.Equal(8 * 1024 * 1024, options.MaxOutputBytes);
        Assert.Equal(128, options.MaxNesting);
        Assert.Equal(Environment.ProcessorCount, options.Workers);
        Assert.Equal(256L * 1024 * 1024, options.WorkerMemoryLimit);
        Assert.Same(options, options.Validate());
    }

    [Theory]
    [InlineData(nameof(ScriptOptions.TimeoutInterval))]
    [InlineData(nameof(ScriptOptions.MaxStatements))]
    [InlineData(nameof(ScriptOptions.LimitRecursion))]
    [InlineData(nameof(ScriptOptions.LimitMemory))]
    [InlineData(nameof(ScriptOptions.Workers))]
    [InlineData(nameof(ScriptOptions.WorkerMemoryLimit))]
    public void Validate_OutOfRange_ThrowsNamingTheSetting(string setting)
    {
        var options = new ScriptOptions();
        switch (setting)
        {
            case nameof(ScriptOptions.TimeoutInterval): options.TimeoutInterval = TimeSpan.Zero; break;
            case nameof(ScriptOptions.MaxStatements): options.MaxStatements = 0; break;
            case nameof(ScriptOptions.LimitRecursion): options.LimitRecursion = 0; break;
            case nameof(ScriptOptions.LimitMemory): options.LimitMemory = 0; break;
            case nameof(ScriptOptions.Workers): options.Workers = 0; break;
            default: options.WorkerMemoryLimit = 96L * 1024 * 1024; break; // below LimitMemory + 4 × output + 32 MB
        }

        var error = Assert.Throws<ValidationException>(() => new JintScriptEvaluator(options));

        Assert.Contains(setting, error.Message);
    }
}
