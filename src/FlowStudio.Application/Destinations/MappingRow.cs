using FlowStudio.Engine.Destinations;

namespace FlowStudio.Application.Destinations;

/// <summary>One row of the Mapping section as the editor binds it; <see cref="From"/> "" leaves the field unmapped.</summary>
public sealed class MappingRow
{
    /// <summary>attribute, constant, expression, or "" for not mapped.</summary>
    public string From { get; set; } = "";

    public string Value { get; set; } = "";

    public string? Convert { get; set; }

    public string? Default { get; set; }

    public bool IsMapped => From.Length > 0;

    public static MappingRow FromRequest(MappingRequest row) =>
        new() { From = row.From ?? MappingSources.Attribute, Value = row.Value ?? "", Convert = row.Convert, Default = row.Default };

    public MappingRequest ToRequest(string field) =>
        new(field, From, Value, string.IsNullOrEmpty(Convert) ? null : Convert, string.IsNullOrEmpty(Default) ? null : Default);
}
