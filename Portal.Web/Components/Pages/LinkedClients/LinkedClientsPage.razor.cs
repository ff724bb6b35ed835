using Microsoft.AspNetCore.Components;
using MudBlazor;
using Portal.Core.LinkedClients;

namespace Portal.Web.Components.Pages.LinkedClients;

public partial class LinkedClientsPage
{
    internal static readonly (LinkedClientFilter Filter, string Label)[] Filters =
    [
        (LinkedClientFilter.AllLinked, "All linked"),
        (LinkedClientFilter.NewSinceReview, "New since last review"),
        (LinkedClientFilter.LinkedByLastImport, "Linked by the last import"),
        (LinkedClientFilter.UpdatedByLastImport, "Updated by the last import"),
        (LinkedClientFilter.PendingSync, "Pending sync"),
        (LinkedClientFilter.Conflicts, "Conflicts"),
        (LinkedClientFilter.ArchivedInXpm, "Archived in XPM"),
        (LinkedClientFilter.NotLinked, "Not linked"),
        (LinkedClientFilter.LastSyncedBefore, "Last synced before a date"),
    ];

    [Inject]
    private LinkedClientService Service { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    /// <summary>A filter to open with (a link from elsewhere, such as "?filter=NewSinceReview"); query strings cannot carry enums.</summary>
    [SupplyParameterFromQuery(Name = "filter")]
    private string? InitialFilter { get; set; }

    private MudTable<LinkedClientRow>? _table;
    private HashSet<LinkedClientRow> _selected = new(RowComparer.Instance);
    private LinkedClientFilter _filter;
    private string? _search;
    private DateTime? _syncedBefore;
    private int? _confirmUnlink;
    private LinkedClientRow? _linking;

    protected override void OnInitialized() =>
        _filter = Enum.TryParse<LinkedClientFilter>(InitialFilter, ignoreCase: true, out var filter) ? filter : LinkedClientFilter.AllLinked;

    private async Task<TableData<LinkedClientRow>> LoadAsync(TableState state, CancellationToken cancellationToken)
    {
        var page = await Service.SearchAsync(new LinkedClientQuery(_filter, _search, _syncedBefore, state.Page, state.PageSize), cancellationToken);
        return new TableData<LinkedClientRow> { Items = page.Items, TotalItems = page.TotalCount };
    }

    private Task FilterChangedAsync(LinkedClientFilter filter)
    {
        _filter = filter;
        return ReloadAsync();
    }

    private Task SearchAsync(string? search)
    {
        _search = search;
        return ReloadAsync();
    }

    private Task SyncedBeforeChangedAsync(DateTime? date)
    {
        _syncedBefore = date;
        return ReloadAsync();
    }

    private async Task MarkReviewedAsync()
    {
        var marked = await Service.MarkReviewedAsync(_selected.Select(r => r.ClientId).ToList());
        Snackbar.Add(marked.Succeeded ? $"{marked.Value} marked reviewed." : marked.Error!.Message, marked.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private async Task UnlinkAsync(LinkedClientRow row)
    {
        _confirmUnlink = null;
        var unlinked = await Service.UnlinkAsync(row.ClientId, "Unlinked on the Linked clients review");
        Snackbar.Add(unlinked.Succeeded ? $"{row.Name} unlinked. The Xero Practice Manager client will be offered as new at the next import." : unlinked.Error!.Message,
            unlinked.Succeeded ? Severity.Success : Severity.Error);
        await ReloadAsync();
    }

    private Task<IReadOnlyList<StagedXpmClient>> SearchXpmAsync(string? search, CancellationToken cancellationToken) =>
        Service.UnlinkedXpmClientsAsync(search, cancellationToken);

    private async Task LinkAsync(LinkByHandForm.Request request)
    {
        var linked = await Service.LinkAsync(request.ClientId, request.XpmUuid, request.Reason);
        Snackbar.Add(linked.Succeeded ? "Linked. The next import will update this client from Xero Practice Manager." : linked.Error!.Message,
            linked.Succeeded ? Severity.Success : Severity.Error);
        if (linked.Succeeded)
        {
            _linking = null;
            await ReloadAsync();
        }
    }

    private async Task ReloadAsync()
    {
        _selected = new HashSet<LinkedClientRow>(RowComparer.Instance);
        if (_table is not null)
        {
            await _table.ReloadServerData();
        }
    }

    /// <summary>Rows are records re-read per page: selection compares them by client.</summary>
    internal sealed class RowComparer : IEqualityComparer<LinkedClientRow>
    {
        public static readonly RowComparer Instance = new();

        public bool Equals(LinkedClientRow? x, LinkedClientRow? y) => x?.ClientId == y?.ClientId;

        public int GetHashCode(LinkedClientRow obj) => obj.ClientId;
    }
}
