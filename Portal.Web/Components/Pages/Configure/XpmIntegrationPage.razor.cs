using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Core.Import.Runs;
using Portal.Core.Import;
using Portal.Core.Xpm.Connection;
using Portal.Core.Xpm;
using Portal.Core.Sync;
using Portal.Web.Identity;

namespace Portal.Web.Components.Pages.Configure;

public partial class XpmIntegrationPage
{
    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? Error { get; set; }

    [SupplyParameterFromQuery]
    private bool Connected { get; set; }

    private readonly List<BreadcrumbItem> _breadcrumbs =
    [
        new("Configure", null, disabled: true),
        new("Integrations", "/configure/integrations"),
        new("Xero Practice Manager", null, disabled: true),
    ];

    private bool _loading = true;
    private XpmConnectionView? _connection;
    private XpmQuotaSnapshot? _quota;
    private int? _staffCount;
    private int? _practiceId;
    private bool _isManager;
    private ImportProgressSnapshot? _undo;
    private ImportProgressSnapshot? _fetch;
    private IReadOnlyList<ImportHistoryRow> _history = [];
    private string? _checkError;
    private ImportProgressSnapshot? _sync;
    private IReadOnlyList<SyncFailure> _syncFailures = [];

    /// <summary>The successful import of the latest fetch, when there is one: its review is closed.</summary>
    private ImportHistoryRow? LatestFetchImport =>
        _history.FirstOrDefault(h => h.FetchRunId == _fetch?.RunId && h.Status == ImportRunStatus.Succeeded);

    protected override async Task OnInitializedAsync()
    {
        // Once, on the live circuit: prerendering would call XPM a second time.
        if (Connected && RendererInfo.IsInteractive)
        {
            var check = await Connections.CheckAsync();
            (_staffCount, _checkError) = (check.Succeeded ? check.Value : null, check.Error?.Message);
        }

        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        var user = PortalPrincipal.Read((await AuthenticationState).User);
        (_practiceId, _isManager) = (user?.PracticeId, user?.IsManager == true);
        _connection = await Connections.GetAsync();
        _fetch = await Imports.GetLatestFetchAsync();
        _history = await Imports.GetHistoryAsync();
        _quota = Quota.Current;
        _sync = await Sync.GetLatestAsync();
        _syncFailures = _sync is { IsActive: false } ? await Sync.GetFailuresAsync(_sync.RunId) : [];
        _loading = false;
    }

    private async Task ImportDataAsync(bool fullReimport)
    {
        var started = await Imports.StartFetchAsync(fullReimport);
        if (!started.Succeeded)
        {
            Snackbar.Add(started.Error!.Message, started.Error is ImportAlreadyRunningError ? Severity.Info : Severity.Error);
        }

        _fetch = await Imports.GetLatestFetchAsync();
    }

    private async Task CancelFetchAsync()
    {
        if (_fetch is { } fetch)
        {
            await Imports.CancelAsync(fetch.RunId);
        }
    }

    private async Task OnProgressAsync(ImportProgressSnapshot snapshot)
    {
        if (snapshot.Kind == ImportRunKind.Fetch && snapshot.RunId >= (_fetch?.RunId ?? 0))
        {
            _fetch = snapshot;
            if (!snapshot.IsActive)
            {
                _quota = Quota.Current;
            }
        }
        else if (snapshot.Kind == ImportRunKind.Sync && snapshot.RunId >= (_sync?.RunId ?? 0))
        {
            _sync = snapshot;
            if (!snapshot.IsActive)
            {
                _syncFailures = await Sync.GetFailuresAsync(snapshot.RunId);
                _quota = Quota.Current;
            }
        }

        if (snapshot.Kind == ImportRunKind.Undo)
        {
            _undo = snapshot;
        }

        if (snapshot.Kind is ImportRunKind.Import or ImportRunKind.Undo && (snapshot.Status == ImportRunStatus.Queued || !snapshot.IsActive))
        {
            // An import started or finished in another tab: the history shows it without a reload.
            _history = await Imports.GetHistoryAsync();
        }
    }

    private async Task UndoAsync(int runId)
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Undo this import?",
            "Clients it created are removed (or archived, if edited since), fields it changed get their previous values back and links it made are removed. Anything edited since the import is kept and listed in the undo's outcome file.",
            yesText: "Undo import", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var started = await Imports.StartUndoAsync(runId);
        Snackbar.Add(started.Succeeded ? "Undoing the import. Its progress shows in the import history." : started.Error!.Message,
            started.Succeeded ? Severity.Info : Severity.Warning);
        _history = await Imports.GetHistoryAsync();
    }

    // OAuth needs a full browser round trip to Xero, not a circuit navigation.
    private void Connect() => Navigation.NavigateTo("/configure/integrations/xpm/connect", forceLoad: true);

    private async Task DisconnectAsync()
    {
        var confirmed = await Dialogs.ShowMessageBoxAsync(
            "Disconnect Xero Practice Manager?",
            "The portal will stop reading from and writing to XPM, and Xero's access tokens are revoked. Clients already imported stay in the portal.",
            yesText: "Disconnect", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        var result = await Connections.DisconnectAsync();
        if (result.Value is { Revoked: true })
        {
            Snackbar.Add("Disconnected from Xero Practice Manager.", Severity.Success);
        }
        else if (result.Value is { } disconnected)
        {
            Snackbar.Add($"Disconnected from Xero Practice Manager. Xero was not told (revocation skipped: {disconnected.RevocationSkipped}); access it still holds ends within 60 days, or remove the app under Connected Apps in Xero.", Severity.Warning);
        }
        else
        {
            Snackbar.Add(result.Error!.Message, Severity.Error);
        }

        await LoadAsync();
    }
}
