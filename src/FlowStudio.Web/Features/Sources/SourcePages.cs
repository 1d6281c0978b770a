using FlowStudio.Engine;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Features.Lookups;
using FlowStudio.Web.Htmx;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;

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
        editor.MapPost("/test", TestAsync);
        editor.MapPost("/create", CreateAsync);

        var source = app.MapGroup("/sources/{id}").ExcludeFromDescription();
        source.MapGet("/activity", ActivityAsync);
        source.MapGet("/delete-dialog", DeleteDialogAsync);
        var actions = source.MapGroup("").WithMetadata(new RequireAntiforgeryTokenAttribute());
        actions.MapPost("/activate", (string id, HttpContext context, [AsParameters] SourceDetailServices services) =>
            SetStatusAsync(id, "active", "The source is active.", context, services));
        actions.MapPost("/pause", (string id, HttpContext context, [AsParameters] SourceDetailServices services) =>
            SetStatusAsync(id, "paused", "The source is paused; a run in progress was stopped.", context, services));
        actions.MapPost("/run", RunAsync);
        actions.MapPost("/test", TestSavedAsync);
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

    private static async Task<IResult> TestAsync(
        IFormCollection posted, SourceTester tester, SourcePlanner planner, TemplateCatalog templates, CancellationToken cancellationToken)
    {
        var form = SourceForm.Read(posted);
        var (request, formErrors) = form.ToRequest(form.DefaultName(templates));
        SourceTestOutcome outcome;
        if (formErrors.Count > 0)
        {
            // The form's own problems first; the planner adds what else is wrong, so everything shows at once.
            var (_, planErrors) = await planner.PlanAsync(request, cancellationToken);
            outcome = SourceTestOutcome.Invalid([.. formErrors, .. planErrors]);
        }
        else
        {
            outcome = await tester.TestAsync(request, cancellationToken);
        }

        return Editor(form, outcome.Errors, outcome);
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
                return Redirect(context, $"/sources/{Uri.EscapeDataString(created.Id)}");
            }

            errors = createErrors;
        }

        return Editor(form, errors, null);
    }

    private static async Task<IResult> ActivityAsync(string id, [AsParameters] SourceDetailServices services, CancellationToken cancellationToken) =>
        await SourceDetailModel.LoadAsync(services, id, cancellationToken) is { } model
            ? new RazorComponentResult<SourceActivity>(new { Model = model })
            : Results.NotFound();

    private static async Task<IResult> DeleteDialogAsync(string id, [AsParameters] SourceDetailServices services, CancellationToken cancellationToken) =>
        await SourceDetailModel.LoadAsync(services, id, cancellationToken) is { } model
            ? new RazorComponentResult<DeleteSourceDialog>(new { model.Source, RecordCount = model.Dataset?.RecordCount ?? 0 })
            : Results.NotFound();

    private static async Task<IResult> SetStatusAsync(string id, string status, string message, HttpContext context, SourceDetailServices services)
    {
        var cancellationToken = context.RequestAborted;
        return await services.Sources.SetStatusAsync(id, status, cancellationToken) is null
            ? Results.NotFound()
            : await DetailAsync(id, message, context, services);
    }

    private static async Task<IResult> RunAsync(string id, HttpContext context, [AsParameters] SourceDetailServices services) =>
        await services.Sources.StartRunAsync(id, context.RequestAborted) is null
            ? Results.NotFound()
            : await DetailAsync(id, "Run started: the dataset fills as records arrive.", context, services);

    private static async Task<IResult> TestSavedAsync(string id, SourceService sources, SourceTester tester, CancellationToken cancellationToken)
    {
        if (await sources.GetAsync(id, cancellationToken) is not { } source)
        {
            return Results.NotFound();
        }

        var request = new CreateSourceRequest(source.Name, source.CredentialId, source.TemplateId, source.Parameters.ToDictionary(), source.Manual);
        var outcome = await tester.TestAsync(request, cancellationToken);
        return new RazorComponentResult<TestResultPanel>(new { Outcome = outcome, ListErrors = true });
    }

    private static async Task<IResult> DeleteAsync(string id, HttpContext context, SourceService sources) =>
        await sources.DeleteAsync(id, context.RequestAborted) ? Redirect(context, "/sources") : Results.NotFound();

    private static async Task<IResult> DetailAsync(string id, string message, HttpContext context, SourceDetailServices services)
    {
        if (!context.Request.IsHtmx())
        {
            return Redirect(context, $"/sources/{Uri.EscapeDataString(id)}");
        }

        var model = await SourceDetailModel.LoadAsync(services, id, context.RequestAborted);
        return model is null ? Results.NotFound() : new RazorComponentResult<SourceDetail>(new { Model = model, Message = message });
    }

    private static RazorComponentResult<SourceEditor> Editor(SourceForm form, IReadOnlyList<FieldError> errors, SourceTestOutcome? outcome) =>
        new(new { Form = form, Errors = errors, Outcome = outcome })
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
