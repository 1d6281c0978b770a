using FlowStudio.Engine;
using FlowStudio.Engine.Templates;
using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Credentials;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Routing;
using MudBlazor;

namespace FlowStudio.Web.Features.Sources;

/// <summary>
/// Test and Create/Save for the source editor. Both build the same request the REST API takes from the editor's model
/// and call the same services (<see cref="SourceTester"/>, <see cref="SourceService"/>); every problem found shows at
/// once beside its field, and nothing typed is lost.
/// </summary>
public sealed partial class SourceEditor
{
    private FormErrors _errors = FormErrors.None;
    private EndpointTestResult? _result;
    private IReadOnlyList<EndpointTemplate> _templates = [];
    private IReadOnlyList<CredentialView> _credentials = [];
    private string _baseline = "";
    private bool _testing;
    private bool _saving;
    private bool _leaving;

    [Inject] private UiCalls Calls { get; set; } = null!;

    [Inject] private TemplateCatalog Templates { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    /// <summary>The editor's model; the page builds it (new, or from the saved source).</summary>
    [Parameter, EditorRequired] public SourceDraft Draft { get; set; } = null!;

    /// <summary>The saved source being edited; null on the create screen.</summary>
    [Parameter] public string? SourceId { get; set; }

    [Parameter, EditorRequired] public string Title { get; set; } = "";

    [Parameter] public string? Pretitle { get; set; }

    [Parameter] public string ConnectorName { get; set; } = "";

    private bool IsDirty => !_leaving && Draft.Fingerprint() != _baseline;

    private IReadOnlyList<string> Suggestions => Draft.Mode == SourceMode.Manual && _result?.Sample is { } sample ? sample.Suggestions : [];

    private IReadOnlyList<FieldError> OtherErrors => _errors.Except(ShownFields());

    protected override async Task OnInitializedAsync()
    {
        _baseline = Draft.Fingerprint();
        _templates = Draft.Connector is null ? [] : Templates.For(Draft.Connector, TemplateDirections.Source);
        var all = await Calls.ReadAsync<CredentialService, IReadOnlyList<CredentialView>>((credentials, ct) => credentials.ListAsync(ct));
        _credentials = all.Where(c => c.Connector == Draft.Connector).ToList();
    }

    private async Task TestAsync()
    {
        if (_testing)
        {
            return;
        }

        if (Draft.WritingMethod(Templates) is { } method && !await ConfirmWriteAsync(method))
        {
            return;
        }

        _testing = true;
        StateHasChanged();
        try
        {
            var (request, formErrors) = Draft.ToRequest(Templates);
            SourceTestOutcome outcome;
            if (formErrors.Count > 0)
            {
                // The editor's own problems first; the planner adds what else is wrong, so everything shows at once.
                var (_, planErrors) = await Calls.ReadAsync<SourcePlanner, (SourcePlan?, IReadOnlyList<FieldError>)>((planner, ct) => planner.PlanAsync(request, ct));
                outcome = SourceTestOutcome.Invalid([.. formErrors, .. planErrors]);
            }
            else
            {
                var cursor = Draft.Cursor;
                outcome = await Calls.ChangeAsync<SourceTester, SourceTestOutcome>(AuditAction.Test, AuditResource.Source, _ => SourceId,
                    (tester, ct) => tester.TestAsync(request, ct, cursor), succeeded: o => o.Sample is not null || o.ApiFailure is not null);
            }

            _result = EndpointTestResult.From(outcome);
            _errors = new FormErrors(outcome.Errors);
        }
        catch (ChangeNotAllowedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _testing = false;
        }
    }

    private async Task<bool> ConfirmWriteAsync(string method)
    {
        var endpoint = Draft.Mode == SourceMode.Template && Draft.TemplateId is not null && Templates.Find(Draft.TemplateId) is { } template
            ? $"“{template.Name}”"
            : $"{method} {Draft.Url}";
        var (title, message) = SourceWrites.Question(method, endpoint, ConnectorName);
        return await Dialogs.ConfirmAsync(title, message, "Send the request");
    }

    private async Task SaveAsync()
    {
        if (_saving)
        {
            return;
        }

        _saving = true;
        StateHasChanged();
        try
        {
            var (request, formErrors) = Draft.ToRequest(Templates);
            if (formErrors.Count > 0)
            {
                var checkErrors = await Calls.ReadAsync<SourceService, List<FieldError>>((sources, ct) => sources.CheckAsync(request, ct));
                ShowErrors([.. formErrors, .. checkErrors]);
                return;
            }

            var (saved, errors) = SourceId is null ? await CreateAsync(request) : await UpdateAsync(SourceId, request);
            if (saved is null)
            {
                ShowErrors(errors);
                return;
            }

            _leaving = true;
            Snackbar.Add(SourceId is null ? $"Created the source “{saved.Name}”: its first run starts now." : $"Saved the source “{saved.Name}”.", Severity.Success);
            Navigation.NavigateTo($"/sources/{Uri.EscapeDataString(saved.Id)}");
        }
        catch (ChangeNotAllowedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _saving = false;
        }
    }

    /// <summary>As in Nexla, Create begins ingesting: the new source is active and its schedule starts now (Pause stops it).</summary>
    private Task<(SourceView? Saved, IReadOnlyList<FieldError> Errors)> CreateAsync(CreateSourceRequest request) =>
        Calls.ChangeAsync<SourceService, (SourceView? Saved, IReadOnlyList<FieldError> Errors)>(AuditAction.Create, AuditResource.Source, r => r.Saved?.Id,
            async (sources, ct) =>
            {
                var (created, errors) = await sources.CreateAsync(request, ct);
                if (created is not null)
                {
                    await sources.SetStatusAsync(created.Id, ResourceStatus.Active, ct);
                }

                return (created, errors);
            },
            succeeded: r => r.Saved is not null);

    private async Task<(SourceView? Saved, IReadOnlyList<FieldError> Errors)> UpdateAsync(string id, CreateSourceRequest request)
    {
        var result = await Calls.ChangeAsync<SourceService, (SourceView? Saved, IReadOnlyList<FieldError> Errors)>(AuditAction.Update, AuditResource.Source, _ => id,
            (sources, ct) => sources.UpdateAsync(id, request, ct), succeeded: r => r.Saved is not null);
        return result is { Saved: null, Errors.Count: 0 }
            ? (null, [new FieldError("source", "This source was deleted meanwhile: nothing was saved. Copy what you need, then leave the page.")])
            : result;
    }

    private void ShowErrors(IReadOnlyList<FieldError> errors)
    {
        _errors = new FormErrors(errors);
        Snackbar.Add(errors.Count == 1 ? "One setting needs fixing: see the message beside it." : $"{errors.Count} settings need fixing: see the messages beside them.",
            Severity.Warning);
    }

    private async Task ConfirmLeaveAsync(LocationChangingContext context)
    {
        if (!IsDirty)
        {
            return;
        }

        if (!await Dialogs.ConfirmAsync("Leave without saving?", "The changes to this source are not saved yet. Leave the page and lose them?", "Leave", "Stay"))
        {
            context.PreventNavigation();
        }
    }

    private void Changed(Action change)
    {
        change();
        StateHasChanged();
    }

    private IEnumerable<string> ShownFields()
    {
        yield return "name";
        yield return "credentialId";
        foreach (var field in ScheduleFields.Fields)
        {
            yield return field;
        }

        if (Draft.Mode == SourceMode.Manual)
        {
            foreach (var field in AdvancedTab.Fields)
            {
                yield return field;
            }

            yield break;
        }

        yield return "templateId";
        foreach (var parameter in _templates.FirstOrDefault(t => t.Id == Draft.TemplateId)?.Parameters ?? [])
        {
            yield return "parameters." + parameter.Name;
        }
    }
}
