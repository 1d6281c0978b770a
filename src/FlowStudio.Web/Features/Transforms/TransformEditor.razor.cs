using FlowStudio.Engine;
using FlowStudio.Engine.Transforms;
using FlowStudio.Web.Components.Shell;
using FlowStudio.Web.Features.Flows;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowStudio.Web.Features.Transforms;

/// <summary>
/// Edits a new transform of <see cref="InputDatasetId"/> or the saved <see cref="TransformId"/>. Nothing is stored until
/// Create or Save; the preview runs the steps as they are on screen.
/// </summary>
public sealed partial class TransformEditor : IDisposable
{
    /// <summary>How long the preview waits after a change before running the steps.</summary>
    internal const int PreviewDelayMs = 300;

    private readonly List<StepDraft> _steps = [];
    private DatasetInfo? _input;
    private string? _name;
    private bool _missing;
    private bool _saving;
    private bool _recalculating;
    private TransformPreview? _preview;
    private EditorErrors _errors = EditorErrors.None;
    private IReadOnlyList<FieldError> _allErrors = [];
    private CancellationTokenSource? _refresh;

    [Inject] private UiCalls Calls { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Parameter] public string? TransformId { get; set; }

    [Parameter] public string? InputDatasetId { get; set; }

    private bool IsNew => TransformId is null;

    private string Title => IsNew ? "New transform" : $"Edit {_name}";

    /// <summary>Problems no field on screen shows (e.g. the input dataset).</summary>
    private IReadOnlyList<FieldError> OtherErrors => _allErrors.Where(e => !e.Field.StartsWith("steps[", StringComparison.Ordinal) && e.Field != "name").ToList();

    protected override async Task OnInitializedAsync()
    {
        var saved = TransformId is null ? null : await Calls.ReadAsync<TransformService, TransformRequest?>((t, ct) => t.GetRequestAsync(TransformId, ct));
        var inputId = saved?.InputDatasetId ?? InputDatasetId;
        _input = (TransformId is not null && saved is null) ? null : await Calls.ReadAsync<DestinationQueries, DatasetInfo?>((q, ct) => q.DatasetAsync(inputId, ct));
        if (_input is null)
        {
            _missing = true;
            return;
        }

        _name = saved?.Name ?? $"{_input.Name} (transformed)";
        _steps.AddRange((saved?.Steps ?? []).OfType<TransformStep>().Select(StepDraft.From));
        Refresh(0);
    }

    private TransformRequest Request() => new(_name, _input!.Id, [.. _steps.Select(s => s.ToStep())]);

    private void Add(string kind)
    {
        _steps.Add(StepDraft.New(kind));
        Refresh(PreviewDelayMs);
    }

    private void Move(int index, int by)
    {
        (_steps[index], _steps[index + by]) = (_steps[index + by], _steps[index]);
        Refresh(PreviewDelayMs);
    }

    private void Remove(int index)
    {
        _steps.RemoveAt(index);
        Refresh(PreviewDelayMs);
    }

    private void Changed() => Refresh(PreviewDelayMs);

    /// <summary>Marks the preview stale now and runs the steps once the user has paused for <paramref name="delayMs"/>.</summary>
    private void Refresh(int delayMs)
    {
        _refresh?.Cancel();
        _refresh?.Dispose();
        _refresh = new CancellationTokenSource();
        _recalculating = true;
        _ = RefreshAsync(delayMs, _refresh.Token);
    }

    private async Task RefreshAsync(int delayMs, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(delayMs, cancellationToken);
            var request = Request();
            var (preview, errors) = await Calls.ReadAsync<TransformService, (TransformPreview?, IReadOnlyList<FieldError>)>(
                (transforms, token) => transforms.PreviewAsync(request, token), cancellationToken);
            cancellationToken.ThrowIfCancellationRequested();
            Show(errors);
            _preview = preview;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // A newer change is being previewed (or the editor was closed): that one shows.
            return;
        }

        _recalculating = false;
        await InvokeAsync(StateHasChanged);
    }

    private void Show(IReadOnlyList<FieldError> errors)
    {
        _allErrors = errors;
        _errors = new EditorErrors(errors);
    }

    private async Task SaveAsync()
    {
        _refresh?.Cancel();
        _recalculating = false;
        _saving = true;
        try
        {
            var request = Request();
            var (saved, errors) = IsNew
                ? await Calls.ChangeAsync<TransformService, (TransformView? Saved, IReadOnlyList<FieldError> Errors)>(
                    AuditAction.Create, AuditResource.Transform, r => r.Saved?.Id, (service, token) => service.CreateAsync(request, token), r => r.Saved is not null)
                : await Calls.ChangeAsync<TransformService, (TransformView? Saved, IReadOnlyList<FieldError> Errors)>(
                    AuditAction.Update, AuditResource.Transform, r => r.Saved?.Id, (service, token) => service.UpdateAsync(TransformId!, request, token), r => r.Saved is not null);
            if (saved is not null)
            {
                Snackbar.Add($"{(IsNew ? "Created" : "Saved")} “{saved.Name}”: its dataset holds {FlowNodeText.Records(saved.RecordCount)}. Send it to a destination from its node.", Severity.Success);
                Navigation.NavigateTo("/");
                return;
            }

            Show(errors);
            Snackbar.Add("The transform has problems; each is shown beside its field.", Severity.Error);
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

    public void Dispose()
    {
        _refresh?.Cancel();
        _refresh?.Dispose();
    }
}
