using FlowStudio.Engine;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Data;
using FlowStudio.Web.Features.Lookups;
using FlowStudio.Web.Htmx;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace FlowStudio.Web.Features.Sources;

/// <summary>Form and htmx fragment endpoints of the source screens.</summary>
internal static class SourcePages
{
    public static IEndpointRouteBuilder MapSourcePages(this IEndpointRouteBuilder app)
    {
        var editor = app.MapGroup("/flows/new/source").ExcludeFromDescription();
        editor.MapGet("/template-fields", TemplateFields);
        editor.MapGet("/macros", MacrosAsync);
        editor.MapGet("/pagination", Pagination);
        editor.MapGet("/schedule", Schedule);
        editor.MapGet("/schedule-preview", SchedulePreview);
        editor.MapPost("/test", TestAsync);
        editor.MapPost("/create", CreateAsync);

        var source = app.MapGroup("/sources/{id}").ExcludeFromDescription();
        source.MapGet("/activity", ActivityAsync);
        source.MapGet("/delete-dialog", DeleteDialogAsync);
        var actions = source.MapGroup("").RequireAntiforgery();
        actions.MapPost("/activate", (string id, HttpContext context, SourceService sources) =>
            SetStatusAsync(id, "active", "The source is active.", context, sources));
        actions.MapPost("/pause", (string id, HttpContext context, SourceService sources) =>
            SetStatusAsync(id, "paused", "The source is paused; a run in progress was stopped.", context, sources));
        actions.MapPost("/run", RunAsync);
        actions.MapPost("/test", TestSavedAsync);
        actions.MapPost("/update", UpdateAsync);
        actions.MapPost("/delete", DeleteAsync);
        return app;
    }

    private static IResult TemplateFields(string? templateId, TemplateCatalog templates) =>
        new RazorComponentResult<TemplateFields>(new { Template = templateId is null ? null : templates.Find(templateId) });

    private static async Task<IResult> MacrosAsync(HttpRequest request, TimeProvider time, LookupService lookups, CancellationToken cancellationToken)
    {
        var form = SourceForm.Read(new FormCollection(request.Query.ToDictionary()));
        return new RazorComponentResult<MacroOptions>(new { Macros = await SourceMacros.ListAsync(time, lookups, form, cancellationToken) });
    }

    private static IResult Pagination(HttpRequest request) =>
        new RazorComponentResult<PaginationFields>(new { Pagination = PaginationForm.Read(key => request.Query.TryGetValue(key, out var v) ? v.ToString() : null) });

    private static IResult Schedule(HttpRequest request) =>
        new RazorComponentResult<ScheduleFields>(new { Schedule = ScheduleForm.Read(key => request.Query.TryGetValue(key, out var v) ? v.ToString() : null) });

    private static IResult SchedulePreview(HttpRequest request) =>
        new RazorComponentResult<SchedulePreview>(new { Cron = request.Query["Schedule.Cron"].ToString(), TimeZone = request.Query["Schedule.TimeZone"].ToString() });

    private static async Task<IResult> TestAsync(
        IFormCollection posted, SourceTester tester, SourcePlanner planner, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var form = SourceForm.Read(posted);
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        EndpointTestResult result;
        if (formErrors.Count > 0)
        {
            // The form's own problems first; the planner adds what else is wrong, so everything shows at once.
            var (_, planErrors) = await planner.PlanAsync(request, cancellationToken);
            result = new EndpointTestResult(null, [.. formErrors, .. planErrors], null);
        }
        else
        {
            result = EndpointTestResult.From(await tester.TestAsync(request, cancellationToken));
        }

        return Editor(form, result.Errors, result);
    }

    private static async Task<IResult> CreateAsync(
        HttpContext context, IFormCollection posted, SourceService sources, SourcePlanner planner, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var form = SourceForm.Read(posted);
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        IReadOnlyList<FieldError> errors;
        if (formErrors.Count > 0)
        {
            var (_, planErrors) = await planner.PlanAsync(request, cancellationToken);
            errors = [.. formErrors, .. planErrors];
        }
        else
        {
            var (created, createErrors) = await sources.CreateAsync(request, cancellationToken);
            if (created is not null)
            {
                // As in Nexla, Create starts ingesting: the source is active and its schedule begins now ("Once, when
                // activated" reads right away). Pause in the resource menu stops it.
                await sources.SetStatusAsync(created.Id, "active", cancellationToken);
                return Redirect(context, $"/sources/{Uri.EscapeDataString(created.Id)}");
            }

            errors = createErrors;
        }

        return Editor(form, errors, null);
    }

    private static async Task<IResult> UpdateAsync(
        string id, HttpContext context, IFormCollection posted, SourceService sources, SourcePlanner planner, TemplateCatalog templates,
        FlowStudioDb db, CancellationToken cancellationToken)
    {
        if (await db.Sources.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id && s.Kind == "api", cancellationToken) is not { } stored)
        {
            return Results.NotFound();
        }

        var form = SourceForm.Read(posted) with { SourceId = id };
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        IReadOnlyList<FieldError> errors;
        if (formErrors.Count > 0)
        {
            var (_, planErrors) = await planner.PlanAsync(request, cancellationToken);
            errors = [.. formErrors, .. planErrors];
        }
        else
        {
            var (updated, updateErrors) = await sources.UpdateAsync(id, KeepHiddenSettings(request, SourceService.ToRequest(stored)), cancellationToken);
            if (updated is not null)
            {
                return Redirect(context, $"/sources/{Uri.EscapeDataString(updated.Id)}");
            }

            if (updateErrors.Count == 0)
            {
                return Results.NotFound();
            }

            errors = updateErrors;
        }

        return Editor(form, errors, null);
    }

    /// <summary>
    /// The editor has no field for the record key, nor for a template source's cursor field (both set through the API):
    /// saving keeps them. The Advanced tab edits the manual cursor field and initial value itself.
    /// </summary>
    private static CreateSourceRequest KeepHiddenSettings(CreateSourceRequest edited, CreateSourceRequest stored) => edited with
    {
        CursorField = edited.Manual is null ? stored.CursorField : null,
        Manual = edited.Manual is null
            ? null
            : edited.Manual with { Key = stored.Manual?.Key },
    };

    private static async Task<IResult> ActivityAsync(string id, SourceService sources, CancellationToken cancellationToken) =>
        await sources.GetAsync(id, cancellationToken) is null
            ? Results.NotFound()
            : new RazorComponentResult<SourceActivity>(new { SourceId = id });

    private static async Task<IResult> DeleteDialogAsync(string id, SourceService sources, FlowStudioDb db, CancellationToken cancellationToken)
    {
        if (await sources.GetAsync(id, cancellationToken) is not { } source)
        {
            return Results.NotFound();
        }

        var records = await db.Datasets.Where(d => d.Id == source.DatasetId).Select(d => d.RecordCount).FirstOrDefaultAsync(cancellationToken);
        return new RazorComponentResult<DeleteSourceDialog>(new { SourceId = id, SourceName = source.Name, RecordCount = records });
    }

    private static async Task<IResult> SetStatusAsync(string id, string status, string message, HttpContext context, SourceService sources) =>
        await sources.SetStatusAsync(id, status, context.RequestAborted) is null ? Results.NotFound() : Detail(id, message, context);

    private static async Task<IResult> RunAsync(string id, HttpContext context, SourceService sources) =>
        await sources.StartRunAsync(id, context.RequestAborted) is null
            ? Results.NotFound()
            : Detail(id, "Run started: the dataset fills as records arrive.", context);

    private static async Task<IResult> TestSavedAsync(string id, SourceService sources, SourceTester tester, CancellationToken cancellationToken)
    {
        if (await sources.GetAsync(id, cancellationToken) is not { } source)
        {
            return Results.NotFound();
        }

        var request = new CreateSourceRequest(source.Name, source.CredentialId, source.TemplateId, source.Parameters.ToDictionary(), source.Manual,
            CursorField: source.CursorField);
        var outcome = await tester.TestAsync(request, cancellationToken, source.Cursor);
        return new RazorComponentResult<TestResultPanel>(new { Result = EndpointTestResult.From(outcome), ListErrors = true });
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, SourceService sources) =>
        await sources.DeleteAsync(id, context.RequestAborted) ? Redirect(context, "/sources") : Results.NotFound();

    private static IResult Detail(string id, string message, HttpContext context) =>
        context.Request.IsHtmx()
            ? new RazorComponentResult<SourceDetail>(new { SourceId = id, Message = message })
            : Redirect(context, $"/sources/{Uri.EscapeDataString(id)}");

    private static RazorComponentResult<SourceEditor> Editor(SourceForm form, IReadOnlyList<FieldError> errors, EndpointTestResult? result) =>
        new(new { Form = form, Errors = errors, Result = result })
        {
            StatusCode = errors.Count > 0 ? StatusCodes.Status422UnprocessableEntity : StatusCodes.Status200OK,
        };

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
