using FlowStudio.Engine.Connectors;

namespace FlowStudio.Application.Destinations;

/// <summary>An example URL of the connector's own API, so hints and errors name the vendor the user is configuring.</summary>
internal static class DestinationUrlExamples
{
    public static string For(string? connector) => connector switch
    {
        ConnectorIds.Clari => "/v2/ingest/entity/account?mode=incremental",
        ConnectorIds.ClientSuccess => "/v2/contact/{contact_id}",
        _ => "https://api.example.com/v1/items",
    };

    /// <summary>The error for a missing URL, with an example on <paramref name="connector"/>'s API.</summary>
    public static string Required(string? connector) =>
        $"URL is required: the full URL, or a path on the credential's base URL, e.g. {For(connector)}.";
}
