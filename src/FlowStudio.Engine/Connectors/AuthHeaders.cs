using FlowStudio.Engine.Http;

namespace FlowStudio.Engine.Connectors;

/// <summary>
/// The auth headers for one request, the secret values to mask in anything returned, the sign-in token in use
/// (to refresh on 401), or the failed sign-in response.
/// </summary>
internal sealed record AuthHeaders(
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    IReadOnlyList<string> Secrets,
    string? Token,
    ApiResponse? Failure)
{
    public static AuthHeaders With(IReadOnlyList<string> secrets, params (string Name, string Value)[] headers) =>
        new([.. headers.Select(h => KeyValuePair.Create(h.Name, h.Value))], secrets, null, null);

    public static AuthHeaders Failed(IReadOnlyList<string> secrets, ApiResponse response) => new([], secrets, null, response);
}
