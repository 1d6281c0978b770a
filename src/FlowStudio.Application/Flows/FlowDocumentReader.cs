using System.Text.Json;

namespace FlowStudio.Application.Flows;

/// <summary>Reads an uploaded <see cref="FlowDocument"/>, or says in the user's words why it cannot be imported.</summary>
internal static class FlowDocumentReader
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new NoNullListItems() } };

    public static (FlowDocument? Document, string? Problem) Read(string text)
    {
        try
        {
            using var json = JsonDocument.Parse(text);
            return Read(json.RootElement);
        }
        catch (JsonException)
        {
            return (null, NotAnExport);
        }
    }

    public static (FlowDocument? Document, string? Problem) Read(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object
            || !document.TryGetProperty("format", out var format) || format.ValueKind != JsonValueKind.String || format.GetString() != FlowDocument.FormatName)
        {
            return (null, NotAnExport);
        }

        if (!document.TryGetProperty("formatVersion", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var number) || number is < 1 or > FlowDocument.CurrentVersion)
        {
            var which = document.TryGetProperty("formatVersion", out var given) ? given.GetRawText() : "missing";
            return (null, $"The export's format version is {which}; this FlowStudio imports format versions 1 to {FlowDocument.CurrentVersion}. "
                + "Export the flow again from a FlowStudio of this version, or update this FlowStudio.");
        }

        try
        {
            var flow = document.Deserialize<FlowDocument>(Json);
            return flow?.Source?.Config is null
                ? (null, "The export has no source: it is damaged. Export the flow again.")
                : (flow with { Credentials = flow.Credentials ?? [], Lookups = flow.Lookups ?? [], Transforms = flow.Transforms ?? [], Destinations = flow.Destinations ?? [] }, null);
        }
        catch (JsonException ex)
        {
            return (null, $"The export is damaged ({ex.Message}). Export the flow again.");
        }
    }

    /// <summary>Every credential the flow uses: the listed references, and any a configuration names that the list lacks.</summary>
    public static IReadOnlyList<CredentialReference> CredentialsOf(FlowDocument flow)
    {
        var named = flow.Destinations.Select(d => d.Credential).Append(flow.Source.Credential).OfType<string>();
        return [.. flow.Credentials.Concat(named.Where(n => flow.Credentials.All(c => c.Name != n)).Distinct().Select(n => new CredentialReference("", n)))];
    }

    private const string NotAnExport = $"This file is not a FlowStudio flow export (it has no \"format\": \"{FlowDocument.FormatName}\"). Choose a file made by Export.";
}
