namespace FlowStudio.Engine.Macros;

/// <summary>How date/time macros are written and stepped for one source.</summary>
/// <param name="DateFormat">One of <see cref="MacroDateFormats"/> ids; null = ISO 8601.</param>
/// <param name="TimeUnit">The unit <c>{now-N}</c> steps in.</param>
public sealed record DateMacroSettings(string? DateFormat = MacroDateFormats.Default, MacroTimeUnit TimeUnit = MacroTimeUnits.Default)
{
    public static readonly DateMacroSettings Default = new();
}
