using FlowStudio.Sandbox.Capture;
using FlowStudio.Sandbox.Clari;
using FlowStudio.Sandbox.ClientSuccess;
using FlowStudio.Sandbox.Zoho;

namespace FlowStudio.Sandbox.Control;

/// <summary>Control endpoints that are not part of the real APIs: state, faults and reset.</summary>
internal static class SandboxControlApi
{
    public static RouteGroupBuilder MapSandboxControl(this RouteGroupBuilder group)
    {
        group.MapGet("/_state", GetState);
        group.MapPost("/_faults", SetFaults);
        group.MapPost("/_reset", ResetAsync);
        return group;
    }

    private static IResult GetState(ClientSuccessStore clientSuccess, ClariStore clari, ZohoStore zoho) =>
        Results.Json(new { clientsuccess = clientSuccess.Snapshot(), clari = clari.Snapshot(), zoho = zoho.Snapshot() });

    private static IResult SetFaults(FaultSettings settings, SandboxFaults faults)
    {
        if (settings.Validate() is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        faults.Set(settings);
        return Results.Ok(settings);
    }

    private static async Task<IResult> ResetAsync(HttpRequest request, ClientSuccessStore clientSuccess, ClariStore clari, ZohoStore zoho, SandboxFaults faults, RequestLog log)
    {
        var counts = SeedCounts.Default;
        if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            try
            {
                counts = await request.ReadFromJsonAsync<SeedCounts>(request.HttpContext.RequestAborted) ?? SeedCounts.Default;
            }
            catch (System.Text.Json.JsonException ex)
            {
                return Results.Problem($"The reset body is not valid JSON: {ex.Message}", statusCode: StatusCodes.Status400BadRequest);
            }
        }

        if (counts.Problem() is { } problem)
        {
            return Results.Problem(problem, statusCode: StatusCodes.Status400BadRequest);
        }

        faults.Clear();
        log.Clear();
        clientSuccess.Reset(counts);
        clari.Reset();
        zoho.Reset();
        return Results.Ok(new { clientsuccess = clientSuccess.Snapshot(), clari = clari.Snapshot(), zoho = zoho.Snapshot() });
    }
}
