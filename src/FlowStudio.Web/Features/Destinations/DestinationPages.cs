using FlowStudio.Engine;
using FlowStudio.Engine.Destinations;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Datasets;
using FlowStudio.Web.Htmx;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Destinations;

/// <summary>Form and htmx fragment endpoints of the destination screens.</summary>
internal static class DestinationPages
{
    /// <summary>Raised (after the swap) by fragments that change which settings the form shows, so the samples follow.</summary>
    private const string SettingsChanged = "destination-settings-changed";

    public static IEndpointRouteBuilder MapDestinationPages(this IEndpointRouteBuilder app)
    {
        var editor = app.MapGroup("/destinations/new").ExcludeFromDescription();
        editor.MapGet("/template-fields", TemplateFieldsAsync);
        editor.MapGet("/sync-fields", SyncFieldsAsync);
        editor.MapPost("/samples", SamplesAsync);
        editor.MapPost("/test-data", TestDataAsync);
        editor.MapPost("/create", CreateAsync);

        var destination = app.MapGroup("/destinations/{id}").ExcludeFromDescription();
        destination.MapGet("/samples", SavedSamplesAsync);
        destination.MapGet("/delete-dialog", DeleteDialogAsync);
        destination.MapGet("/delivery-counts", async (string id, DestinationService destinations, CancellationToken cancellationToken) =>
            await destinations.GetAsync(id, cancellationToken) is null ? Results.NotFound() : new RazorComponentResult<DeliveryCountsView>(new { DestinationId = id }));
        destination.MapPost("/test-data", SavedTestDataAsync);
        var actions = destination.MapGroup("").RequireAntiforgery();
        actions.MapPost("/activate", (string id, HttpContext context, DestinationService destinations) => SetStatusAsync(id, "active",
            "The destination is active: it sends the dataset's undelivered records now, and new records as they arrive.", context, destinations));
        actions.MapPost("/pause", (string id, HttpContext context, DestinationService destinations) => SetStatusAsync(id, "paused",
            "The destination is paused: nothing is sent until it is activated again; a run in progress was stopped.", context, destinations));
        actions.MapPost("/run", RunAsync);
        actions.MapPost("/retry-failed", RetryFailedAsync);
        actions.MapPost("/delete", DeleteAsync);
        actions.MapPost("/update", UpdateAsync);
        return app;
    }

    private static async Task<IResult> TemplateFieldsAsync(HttpContext context, TemplateCatalog templates, FlowStudioDb db, CancellationToken cancellationToken)
    {
        var form = DestinationForm.Read(new FormCollection(context.Request.Query.ToDictionary()));
        var template = form.TemplateId is null ? null : templates.Find(form.TemplateId);
        context.Response.Headers["HX-Trigger-After-Settle"] = SettingsChanged;
        return new RazorComponentResult<DestinationTemplateFields>(new
        {
            Template = template?.Direction == TemplateDirections.Destination ? template : null,
            Values = form.Parameters,
            Attributes = await AttributesAsync(db, form.DatasetId, cancellationToken),
        });
    }

    private static async Task<IResult> SyncFieldsAsync(HttpContext context, FlowStudioDb db, CancellationToken cancellationToken)
    {
        var form = DestinationForm.Read(new FormCollection(context.Request.Query.ToDictionary()));
        context.Response.Headers["HX-Trigger-After-Settle"] = SettingsChanged;
        return new RazorComponentResult<SyncFieldMapping>(new
        {
            form.ObjectType,
            Mapping = form.FieldMapping,
            Attributes = await AttributesAsync(db, form.DatasetId, cancellationToken),
        });
    }

    private static async Task<IResult> SamplesAsync(IFormCollection posted, SamplePayloads samples, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var form = DestinationForm.Read(posted);
        var (panel, errors) = await DestinationPreview.ForFormAsync(form, samples, templates, cancellationToken);
        return new RazorComponentResult<SamplePanelRefresh>(new { Form = form, Template = TemplateOf(form, templates), Panel = panel, Errors = errors });
    }

    private static async Task<IResult> TestDataAsync(
        IFormCollection posted, DestinationPlanner planner, SamplePayloads samples, DeliveryRunner runner, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var form = DestinationForm.Read(posted);
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        var outcome = formErrors.Count > 0
            ? TestDataOutcome.Stopped("Fix the settings first: " + string.Join(" ", formErrors.Select(e => e.Message)))
            : await DestinationPreview.SendTestDataAsync(request, Index(posted), posted["Payload"], planner, samples, runner, cancellationToken);
        return new RazorComponentResult<TestDataResult>(new { Outcome = outcome });
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IFormCollection posted, DestinationService destinations, SamplePayloads samples, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var form = DestinationForm.Read(posted);
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        var (panel, previewErrors) = await DestinationPreview.ForFormAsync(form, samples, templates, cancellationToken);
        IReadOnlyList<FieldError> errors = previewErrors;
        if (formErrors.Count == 0)
        {
            var (created, createErrors) = await destinations.CreateAsync(request, cancellationToken);
            if (created is not null)
            {
                return Redirect(context, $"/destinations/{Uri.EscapeDataString(created.Id)}");
            }

            errors = createErrors;
        }

        panel = panel with { Samples = errors.Count == 0 ? panel.Samples : null, Problems = DestinationPreview.Problems(form, TemplateOf(form, templates), errors) };
        return new RazorComponentResult<DestinationEditor>(new { Form = form, Errors = errors, Panel = panel })
        {
            StatusCode = StatusCodes.Status422UnprocessableEntity,
        };
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext context, IFormCollection posted, DestinationService destinations, SamplePayloads samples, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        if (await destinations.GetAsync(id, cancellationToken) is not { } saved)
        {
            return Results.NotFound();
        }

        // The dataset and connector stay those of the saved destination, whatever was posted.
        var form = DestinationForm.Read(posted) with { DatasetId = saved.DatasetId, Connector = saved.Connector };
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        var (panel, previewErrors) = await DestinationPreview.ForFormAsync(form, samples, templates, cancellationToken);
        IReadOnlyList<FieldError> errors = previewErrors;
        if (formErrors.Count == 0)
        {
            var (updated, updateErrors) = await destinations.UpdateAsync(id, request, cancellationToken);
            if (updated is not null)
            {
                return Redirect(context, $"/destinations/{Uri.EscapeDataString(id)}");
            }

            if (updateErrors.Count == 0)
            {
                return Results.NotFound();
            }

            errors = updateErrors;
        }

        panel = panel with { Samples = errors.Count == 0 ? panel.Samples : null, Problems = DestinationPreview.Problems(form, TemplateOf(form, templates), errors) };
        return new RazorComponentResult<DestinationEditor>(new { Form = form, Errors = errors, Panel = panel, DestinationId = id })
        {
            StatusCode = StatusCodes.Status422UnprocessableEntity,
        };
    }

    private static async Task<IResult> SavedSamplesAsync(string id, string? mode, FlowStudioDb db, SamplePayloads samples, CancellationToken cancellationToken)
    {
        if (await StoredAsync(db, id, cancellationToken) is not { } request)
        {
            return Results.NotFound();
        }

        var panel = await DestinationPreview.ForRequestAsync(request, mode == "test", samples, cancellationToken);
        return new RazorComponentResult<SamplePayloadPanel>(new { State = panel, DestinationId = id });
    }

    private static async Task<IResult> SavedTestDataAsync(string id, IFormCollection posted, DestinationTestData testData, CancellationToken cancellationToken) =>
        await testData.SendAsync(id, Index(posted), posted["Payload"], cancellationToken) is { } outcome
            ? new RazorComponentResult<TestDataResult>(new { Outcome = outcome })
            : Results.NotFound();

    private static async Task<IResult> SetStatusAsync(string id, string status, string message, HttpContext context, DestinationService destinations) =>
        await destinations.SetStatusAsync(id, status, context.RequestAborted) is null ? Results.NotFound() : Detail(id, message, context);

    private static async Task<IResult> RunAsync(string id, HttpContext context, DestinationService destinations) =>
        await destinations.StartRunAsync(id, context.RequestAborted) switch
        {
            null => Results.NotFound(),
            "" => Detail(id, "The destination is already delivering; its run shows under Delivery.", context),
            _ => Detail(id, "Run started: it sends the records not delivered yet; progress shows under Delivery.", context),
        };

    private static async Task<IResult> RetryFailedAsync(string id, HttpContext context, DestinationService destinations) =>
        await destinations.RetryFailedAsync(id, context.RequestAborted) switch
        {
            null => Results.NotFound(),
            var outcome => Detail(id, outcome.Message, context),
        };

    private static async Task<IResult> DeleteDialogAsync(string id, DestinationService destinations, FlowStudioDb db, CancellationToken cancellationToken)
    {
        if (await destinations.GetAsync(id, cancellationToken) is not { } destination)
        {
            return Results.NotFound();
        }

        var counts = (await DeliveryCounts.LoadAsync(db, id, cancellationToken)).GetValueOrDefault(id) ?? DeliveryCounts.None;
        return new RazorComponentResult<DeleteDestinationDialog>(new { DestinationId = id, DestinationName = destination.Name, Counts = counts });
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, DestinationService destinations) =>
        await destinations.DeleteAsync(id, context.RequestAborted) ? Redirect(context, "/destinations") : Results.NotFound();

    private static IResult Detail(string id, string message, HttpContext context) =>
        context.Request.IsHtmx()
            ? new RazorComponentResult<DestinationDetail>(new { DestinationId = id, Message = message })
            : Redirect(context, $"/destinations/{Uri.EscapeDataString(id)}");

    private static async Task<CreateDestinationRequest?> StoredAsync(FlowStudioDb db, string id, CancellationToken cancellationToken) =>
        await db.Destinations.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is { } stored ? DestinationService.ToRequest(stored) : null;

    private static async Task<IReadOnlyList<SchemaColumn>> AttributesAsync(FlowStudioDb db, string? datasetId, CancellationToken cancellationToken) =>
        datasetId is null ? [] : (await DatasetSnapshot.LoadAsync(db, datasetId, 0, cancellationToken))?.Schema ?? [];

    private static EndpointTemplate? TemplateOf(DestinationForm form, TemplateCatalog templates) =>
        form.IsTemplate && form.TemplateId is not null ? templates.Find(form.TemplateId) : null;

    private static int Index(IFormCollection posted) =>
        int.TryParse(posted["Index"], System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var index) ? index : 0;

    /// <summary>htmx loads the new page itself (HX-Redirect); a plain form post gets 303 See Other.</summary>
    private static IResult Redirect(HttpContext context, string url)
    {
        if (context.Request.IsHtmx())
        {
            context.Response.HtmxRedirect(url);
            return Results.Ok();
        }

        context.Response.Headers.Location = url;
        return Results.StatusCode(StatusCodes.Status303SeeOther);
    }
}
