using FlowStudio.Web.Infrastructure;

namespace FlowStudio.Web.Features.Flows;

/// <summary>A flow carried between FlowStudios: exported as one JSON document, imported with a credential for each reference.</summary>
internal static class FlowsApi
{
    public static RouteGroupBuilder MapFlowsApi(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/flows").WithTags("Flows");
        group.MapGet("/{sourceId}/export", ExportAsync).WithName("ExportFlow");
        group.MapPost("/import", ImportAsync).WithName("ImportFlow");
        return api;
    }

    /// <summary>The document; with <c>?download=true</c> as a file to save (<c>flow-{source name}.json</c>).</summary>
    private static async Task<IResult> ExportAsync(string sourceId, bool? download, FlowExporter exporter, HttpContext http, CancellationToken cancellationToken)
    {
        if (await exporter.ExportAsync(sourceId, cancellationToken) is not { } document)
        {
            return ApiProblems.NotFound("Source", sourceId);
        }

        if (download == true)
        {
            http.Response.Headers.ContentDisposition = new System.Net.Mime.ContentDisposition { FileName = FlowFileName.Of(document.Source.Config.Name) }.ToString();
        }

        return TypedResults.Ok(document);
    }

    /// <summary>
    /// 201 with what was created (paused); 400 when the document is refused or a setting is invalid (nothing is created);
    /// 422 listing the credential references the request maps to no credential.
    /// </summary>
    private static async Task<IResult> ImportAsync(FlowImportRequest request, FlowImporter importer, CancellationToken cancellationToken)
    {
        var outcome = await importer.ImportAsync(request, cancellationToken);
        if (outcome.Imported is { } imported)
        {
            return TypedResults.Created($"/api/sources/{imported.Source.Id}", imported);
        }

        if (outcome.Refusal is { } refusal)
        {
            return TypedResults.Problem(detail: refusal, statusCode: StatusCodes.Status400BadRequest, title: "The document cannot be imported.");
        }

        if (outcome.MissingCredentials.Count > 0)
        {
            return TypedResults.Problem(
                detail: "Choose a credential for each reference: " + string.Join(", ", outcome.MissingCredentials.Select(c => $"“{c.Name}” ({c.Connector})"))
                    + ". Send their ids in \"credentials\", by reference name.",
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Credentials are needed.",
                extensions: new Dictionary<string, object?> { ["missingCredentials"] = outcome.MissingCredentials });
        }

        return ApiProblems.Invalid(outcome.Errors);
    }
}
