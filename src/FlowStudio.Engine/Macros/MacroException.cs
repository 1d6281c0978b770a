namespace FlowStudio.Engine.Macros;

/// <summary>A macro that cannot be expanded; <see cref="Macro"/> is the macro as written, e.g. "{nowx}".</summary>
public sealed class MacroException(string macro, string message) : Exception(message)
{
    public string Macro { get; } = macro;
}
