using System.Text.Json;

namespace FlowStudio.Application.Versions;

/// <summary>
/// The configuration a version keeps: the request that stores the resource again (<see cref="CreateSourceRequest"/>,
/// <see cref="CreateDestinationRequest"/>), written one way so that equal configurations are equal text.
/// </summary>
internal static class VersionedConfig
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Of(Source source) => JsonSerializer.Serialize(SourceService.ToRequest(source), Json);

    public static string Of(Destination destination) => JsonSerializer.Serialize(DestinationService.ToRequest(destination), Json);

    public static CreateSourceRequest ToSourceRequest(string configJson) => JsonSerializer.Deserialize<CreateSourceRequest>(configJson, Json)!;

    public static CreateDestinationRequest ToDestinationRequest(string configJson) => JsonSerializer.Deserialize<CreateDestinationRequest>(configJson, Json)!;
}
