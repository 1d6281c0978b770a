using System.Diagnostics;
using FlowStudio.Engine;
using FlowStudio.Engine.Connectors;
using FlowStudio.Engine.Http;

namespace FlowStudio.Application.Credentials;

/// <summary>"Test connection": one cheap authenticated call per connector, reporting what the API answered.</summary>
internal sealed class ConnectionTester(ConnectionFactory connections, CredentialService credentials, ApiClient api)
{
    /// <summary>Tests the saved credential <paramref name="credentialId"/>; null when there is none.</summary>
    public async Task<ConnectionTestResult?> TestAsync(string credentialId, CancellationToken cancellationToken) =>
        await connections.CreateAsync(credentialId, cancellationToken) is { } connection ? await TestAsync(connection, cancellationToken) : null;

    /// <summary>
    /// Tests a credential before it is saved (or an edit of <paramref name="credentialId"/> before it is saved), after the
    /// same checks as Save; the problems instead when there are any.
    /// </summary>
    public async Task<(ConnectionTestResult? Result, IReadOnlyList<FieldError> Errors)> TestUnsavedAsync(
        string? credentialId, CreateCredentialRequest request, CancellationToken cancellationToken)
    {
        var (secrets, errors) = await credentials.ResolveUnsavedAsync(credentialId, request, cancellationToken);
        return secrets is null ? (null, errors) : (await TestAsync(connections.Create(secrets), cancellationToken), []);
    }

    private async Task<ConnectionTestResult> TestAsync(Connection connection, CancellationToken cancellationToken)
    {
        // A read that needs the credential and nothing else: ClientSuccess's client search, Clari's org limits (plus the
        // ingestion schema when a partner key is set), one Zoho CRM account, and the base URL of a REST API.
        string[] probes = connection.Connector switch
        {
            "clientsuccess" => ["/v2/client/search?page=0&size=1"],
            "clari" when connection.Field("partnerKey") is not null => ["/v4/admin/limits", "/v2/ingest/schema/account/field"],
            "clari" => ["/v4/admin/limits"],
            "rest" => [connection.BaseUrl.ToString()],
            "zoho" => ["/crm/v7/Accounts?fields=Account_Name&per_page=1"],
            _ => [],
        };
        if (probes.Length == 0)
        {
            return new ConnectionTestResult(true, 0, "Webhook credentials have nothing to call.", 0);
        }

        var watch = Stopwatch.StartNew();
        ApiResponse? last = null;
        try
        {
            foreach (var probe in probes)
            {
                last = await api.SendAsync(connection, new ApiRequest(HttpMethod.Get, probe), new RetryOptions { MaxRetries = 0, AttemptTimeout = TimeSpan.FromSeconds(15) }, cancellationToken);
                if (!last.IsSuccess)
                {
                    break;
                }
            }
        }
        catch (ArgumentException ex)
        {
            return new ConnectionTestResult(false, 0, $"The credential is incomplete: {ex.Message}", watch.ElapsedMilliseconds);
        }

        return last!.IsSuccess
            ? new ConnectionTestResult(true, last.StatusCode, $"Connected: {connection.BaseUrl.Host} answered {last.StatusCode}.", watch.ElapsedMilliseconds)
            : new ConnectionTestResult(false, last.StatusCode, Advice(last), watch.ElapsedMilliseconds);
    }

    private static string Advice(ApiResponse response) => response.StatusCode switch
    {
        0 => $"No answer from the API ({response.TransportError}). Check the Base URL.",
        401 or 403 => $"The API refused the credential ({response.StatusCode}). Check the keys or the username and password.",
        404 => "The API answered 404: the Base URL does not point at this API.",
        _ => $"The API answered {response.StatusCode}: {(response.Body.Length > 200 ? response.Body[..200] + "…" : response.Body)}",
    };
}

internal sealed record ConnectionTestResult(bool Ok, int Status, string Detail, long DurationMs);
