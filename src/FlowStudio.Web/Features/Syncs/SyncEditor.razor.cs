using System.Globalization;
using System.Text.Json;
using FlowStudio.Engine;
using FlowStudio.Engine.Connectors;
using FlowStudio.Web.Components.Shell;
using Microsoft.AspNetCore.Components;
using MudBlazor;

namespace FlowStudio.Web.Features.Syncs;

/// <summary>
/// Sets up a new sync or edits the saved <see cref="SyncId"/>. Nothing is stored until Create or Save; a new sync is
/// created paused, so nothing moves until the initial import or Activate.
/// </summary>
public sealed partial class SyncEditor
{
    private static readonly SyncObject[] Objects = [SyncObject.Client, SyncObject.Contact];

    private readonly Dictionary<(SyncSide, SyncObject), IReadOnlyList<SyncField>> _fields = [];
    private IReadOnlyList<CredentialView> _credentials = [];
    private SyncDraft? _draft;
    private SyncView? _saved;
    private bool _missing;
    private bool _busy;
    private SyncPreview? _preview;
    private string? _previewedRequest;
    private string? _previewProblem;
    private bool _previewing;
    private bool _dryRunShown;
    private string? _importRunId;
    private SyncReport? _importReport;
    private EditorErrors _errors = EditorErrors.None;
    private IReadOnlyList<FieldError> _allErrors = [];

    [Inject] private UiCalls Calls { get; set; } = null!;

    [Inject] private NavigationManager Navigation { get; set; } = null!;

    [Inject] private ISnackbar Snackbar { get; set; } = null!;

    [Inject] private IDialogService Dialogs { get; set; } = null!;

    [Parameter] public string? SyncId { get; set; }

    private bool IsNew => _saved is null;

    private string Title => IsNew ? "New sync" : _saved!.Name;

    private ResourceStatus Status => StoredWords.TryParse<ResourceStatus>(_saved?.Status, out var status) ? status : ResourceStatus.Paused;

    /// <summary>Whether the preview and dry run on screen are of the settings as they are now.</summary>
    private bool PreviewCurrent => _previewedRequest == Fingerprint();

    /// <summary>Problems no field on screen shows.</summary>
    private IReadOnlyList<FieldError> OtherErrors => _allErrors.Where(e => !Shown(e.Field)).ToList();

    protected override async Task OnInitializedAsync()
    {
        _credentials = await Calls.ReadAsync<CredentialService, IReadOnlyList<CredentialView>>((c, ct) => c.ListAsync(ct));
        var (fields, proposals) = await Calls.ReadAsync<SyncService, (Dictionary<(SyncSide, SyncObject), IReadOnlyList<SyncField>>, Dictionary<SyncObject, IReadOnlyList<SyncFieldRequest>>)>(
            (syncs, _) => Task.FromResult((
                Enum.GetValues<SyncSide>().SelectMany(side => Objects.Select(obj => (side, obj))).ToDictionary(k => k, k => syncs.Fields(k.side, k.obj)),
                Objects.ToDictionary(o => o, syncs.Propose))));
        foreach (var (key, list) in fields)
        {
            _fields[key] = list;
        }

        if (SyncId is null)
        {
            _draft = SyncDraft.New("ClientSuccess ↔ Zoho CRM", proposals[SyncObject.Client], proposals[SyncObject.Contact]);
            _draft.ClientSuccessCredentialId = Default(ConnectorIds.ClientSuccess, SandboxCredentialSeeder.ClientSuccessName);
            _draft.CrmCredentialId = Default(ConnectorIds.Zoho, SandboxCredentialSeeder.ZohoName);
            return;
        }

        _saved = await Calls.ReadAsync<SyncService, SyncView?>((syncs, ct) => syncs.GetAsync(SyncId, ct));
        _missing = _saved is null;
        _draft = _saved is null ? null : SyncDraft.From(_saved);
    }

    private IEnumerable<CredentialView> Credentials(string connector) =>
        _credentials.Where(c => string.Equals(c.Connector, connector, StringComparison.OrdinalIgnoreCase));

    /// <summary>The seeded sandbox credential when there is one, else the connector's first.</summary>
    private string? Default(string connector, string sandboxName) =>
        (Credentials(connector).FirstOrDefault(c => c.Name == sandboxName) ?? Credentials(connector).FirstOrDefault())?.Id;

    private static bool Shown(string field) =>
        field is "name" or "clientSuccessCredentialId" or "crmCredentialId" or "pullSchedule" or "pushIntervalSeconds"
        || Objects.Any(o => field.StartsWith(SyncText.Path(o) + ".", StringComparison.Ordinal) && !field.EndsWith(']'));

    private void Show(IReadOnlyList<FieldError> errors)
    {
        _allErrors = errors;
        _errors = new EditorErrors(errors);
    }

    /// <summary>Creates or saves the sync; true when it is stored. Problems show beside their fields.</summary>
    private async Task<bool> StoreAsync()
    {
        var request = _draft!.ToRequest();
        var id = _saved?.Id;
        var (saved, errors) = id is null
            ? await Calls.ChangeAsync<SyncService, (SyncView? Saved, IReadOnlyList<FieldError> Errors)>(
                AuditAction.Create, AuditResource.Sync, r => r.Saved?.Id, (syncs, token) => syncs.CreateAsync(request, token), r => r.Saved is not null)
            : await Calls.ChangeAsync<SyncService, (SyncView? Saved, IReadOnlyList<FieldError> Errors)>(
                AuditAction.Update, AuditResource.Sync, r => r.Saved?.Id, (syncs, token) => syncs.UpdateAsync(id, request, token), r => r.Saved is not null);
        Show(errors);
        if (saved is null)
        {
            Snackbar.Add(errors.Count == 0 ? "The sync no longer exists." : "The sync has problems; each is shown beside its field.", Severity.Error);
            return false;
        }

        _saved = saved;
        if (id is null)
        {
            Navigation.NavigateTo($"/syncs/{Uri.EscapeDataString(saved.Id)}", replace: true);
        }

        return true;
    }

    private Task SaveAsync() => ActAsync(async () =>
    {
        var creating = IsNew;
        if (await StoreAsync())
        {
            Snackbar.Add(creating ? $"Created “{_saved!.Name}”, paused: run the initial import, then Activate." : $"Saved “{_saved!.Name}”.", Severity.Success);
        }
    });

    private string Fingerprint() => JsonSerializer.Serialize(_draft!.ToRequest());

    /// <summary>Saves, then asks Zoho for the import filters' matches and the dry run of the next pass; nothing is written.</summary>
    private Task PreviewAsync() => ActAsync(async () =>
    {
        _previewing = true;
        StateHasChanged();
        try
        {
            if (!await StoreAsync())
            {
                return;
            }

            var id = _saved!.Id;
            var fingerprint = Fingerprint();
            _preview = await Calls.ReadAsync<SyncService, SyncPreview?>((syncs, token) => syncs.PreviewAsync(id, token));
            _previewedRequest = fingerprint;
            _previewProblem = null;
        }
        catch (SyncCallException ex)
        {
            _preview = null;
            _previewProblem = ex.Message;
        }
        finally
        {
            _previewing = false;
        }
    });

    /// <summary>The same preview, shown as the initial import's dry run.</summary>
    private async Task DryRunAsync()
    {
        await PreviewAsync();
        _dryRunShown = _preview is not null;
    }

    /// <summary>After the dry run, asks with its counts, then starts the initial import; its progress shows under Runs.</summary>
    private Task ImportAsync() => ActAsync(async () =>
    {
        var id = _saved!.Id;
        if (!await Dialogs.ConfirmAsync("Run the initial import?", $"This writes to both sides as the dry run showed: {Written(_preview!.DryRun)}. Records are matched by the CRM ID mapping, so each is created once.", "Run initial import"))
        {
            return;
        }

        var (run, problem) = await Calls.ChangeAsync<SyncService, (RunStart? Run, string? Problem)>(
            AuditAction.Import, AuditResource.Sync, _ => id, (syncs, token) => syncs.ImportAsync(id, token), r => r.Run is not null);
        if (run is null)
        {
            Snackbar.Add(problem ?? "The sync no longer exists.", Severity.Error);
            return;
        }

        _importRunId = run.RunId;
        Snackbar.Add("The initial import is running.", Severity.Info);
        // A small import can finish before its id is known here: the runs' last reload then did not know it was this
        // import's, and no later change would come to show what it did.
        await RunsReloadedAsync();
    });

    /// <summary>"12 clients created in ClientSuccess, 3 contacts updated in Zoho CRM" (or that nothing would change).</summary>
    internal static string Written(SyncReport report)
    {
        var parts = report.Counts.SelectMany(c => new[]
        {
            c.Created > 0 ? $"{Records(c.Created, c.Object)} created in {SyncReportView.SideName(c.Side)}" : null,
            c.Updated > 0 ? $"{Records(c.Updated, c.Object)} updated in {SyncReportView.SideName(c.Side)}" : null,
        }).OfType<string>().ToList();
        return parts.Count == 0 ? "nothing would be created or updated" : string.Join(", ", parts);
    }

    private static string Records(int count, string obj) => $"{count.ToString("N0", CultureInfo.InvariantCulture)} {obj}{(count == 1 ? "" : "s")}";

    /// <summary>A run of the sync changed: read the sync again (import time, last run) and, once the import finished, what it did.</summary>
    private async Task RunsReloadedAsync()
    {
        var id = _saved!.Id;
        _saved = await Calls.ReadAsync<SyncService, SyncView?>((syncs, token) => syncs.GetAsync(id, token)) ?? _saved;
        if (_importRunId is { } runId && _saved.LastRun is { Id: var last, IsRunning: false } && last == runId)
        {
            _importReport = await Calls.ReadAsync<SyncService, SyncReport?>((syncs, token) => syncs.ReportAsync(runId, token));
        }
    }

    private Task RunNowAsync() => ActAsync(async () =>
    {
        var id = _saved!.Id;
        var (run, problem) = await Calls.ChangeAsync<SyncService, (RunStart? Run, string? Problem)>(
            AuditAction.Run, AuditResource.Sync, _ => id, (syncs, token) => syncs.RunAsync(id, token), r => r.Run is not null);
        Snackbar.Add(run is null ? problem ?? "The sync no longer exists." : "Running: pulling from Zoho and pushing ClientSuccess's changes.", run is null ? Severity.Error : Severity.Info);
    });

    private Task ActivateAsync() => SetStatusAsync(AuditAction.Activate, ResourceStatus.Active, "Active: pulls on its schedule, pushes ClientSuccess's changes.");

    private Task PauseAsync() => SetStatusAsync(AuditAction.Pause, ResourceStatus.Paused, "Paused: nothing is pulled or pushed until it is activated.");

    private Task SetStatusAsync(AuditAction action, ResourceStatus status, string done) => ActAsync(async () =>
    {
        var id = _saved!.Id;
        var view = await Calls.ChangeAsync<SyncService, SyncView?>(action, AuditResource.Sync, _ => id,
            (syncs, token) => syncs.SetStatusAsync(id, status, token), succeeded: s => s is not null);
        if (view is not null)
        {
            _saved = view;
            Snackbar.Add(done, Severity.Success);
        }
    });

    private Task DeleteAsync() => ActAsync(async () =>
    {
        var id = _saved!.Id;
        if (!await Dialogs.ConfirmAsync($"Delete the sync “{_saved.Name}”?",
                "This deletes the sync and the record pairs it keeps. The clients and contacts in ClientSuccess and the records in Zoho CRM stay. It cannot be undone.",
                "Delete sync"))
        {
            return;
        }

        if (await Calls.ChangeAsync<SyncService, bool>(AuditAction.Delete, AuditResource.Sync, _ => id, (syncs, token) => syncs.DeleteAsync(id, token), succeeded: d => d))
        {
            Snackbar.Add($"Deleted “{_saved.Name}”.", Severity.Success);
            Navigation.NavigateTo("/syncs");
        }
    });

    /// <summary>Runs <paramref name="action"/> with the buttons disabled; a role that may not change shows its message.</summary>
    private async Task ActAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        catch (ChangeNotAllowedException ex)
        {
            Snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }
}
