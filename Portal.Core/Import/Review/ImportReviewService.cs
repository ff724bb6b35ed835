using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Sync;

namespace Portal.Core.Import.Review;

/// <summary>
/// The review stepper's reads and writes. Every tick and every "Save and continue" is written to the database
/// straight away, so closing the browser, a second tab or a server restart shows the same step and ticks.
/// Lists page on the server, so 20,000 clients cost one page at a time. Changes are refused (a result, not an
/// exception) once the review is no longer open: see <see cref="ReviewGate"/>.
/// </summary>
public sealed class ImportReviewService(IDbContextFactory<PortalDbContext> contextFactory, ICurrentUser currentUser)
{
    public async Task<Result<ImportReview>> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await FindFetchAsync(db, runId, cancellationToken);
        if (fetch is null)
        {
            return new ImportRunNotFoundError(runId);
        }

        var gate = await ReviewGate.ReadAsync(db, fetch, cancellationToken);
        var step = (ImportStep)Math.Clamp(fetch.ReviewStep, 0, 3);
        var import = gate.LastImport is { } last ? ImportProgressSnapshot.From(last) : null;
        var newest = gate.State == ReviewState.Superseded ? gate.NewestFetchRunId : (int?)null;
        if (gate.State is ReviewState.Importing or ReviewState.Imported)
        {
            // What was confirmed, from the import's own row: staging goes once the import has succeeded.
            var confirmed = gate.LastImport!;
            return new ImportReview(
                fetch.Id, fetch.Status, fetch.FinishedAt, step, confirmed.DetailLevel,
                fetch.StaffCount, confirmed.SelectedStaff, fetch.ClientCount, confirmed.SelectedClients, fetch.EntityCount, confirmed.SelectedEntities,
                gate.State, import, newest);
        }

        var staff = ImportSelection.OfferedStaff(db, runId);
        var clients = ImportSelection.OfferedClients(db, runId);
        return new ImportReview(
            fetch.Id, fetch.Status, fetch.FinishedAt, step, fetch.DetailLevel,
            await staff.CountAsync(cancellationToken), await staff.CountAsync(s => s.IsSelected, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Person, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Person && c.IsSelected, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Entity, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Entity && c.IsSelected, cancellationToken),
            gate.State, import, newest);
    }

    public async Task<PagedResult<StagedStaffRow>> GetStaffAsync(int runId, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureFetchAsync(db, runId, cancellationToken);
        var staff = SearchStaff(db, runId, search);
        var total = await staff.CountAsync(cancellationToken);
        var rows = await staff.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip(page * pageSize).Take(pageSize)
            .Select(s => new StagedStaffRow(s.XpmUuid, s.Name, s.Email, s.Phone, s.Mobile, s.IsSelected, s.MatchKind != StaffMatchKind.None))
            .ToListAsync(cancellationToken);
        return new PagedResult<StagedStaffRow>(rows, total, page, pageSize);
    }

    public async Task<PagedResult<StagedClientRow>> GetClientsAsync(int runId, ClientReviewQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureFetchAsync(db, runId, cancellationToken);
        var clients = Filter(db, runId, query);
        var total = await clients.CountAsync(cancellationToken);
        var page = await clients.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(query.Page * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        var uuids = page.Select(c => c.XpmUuid).ToList();
        var relationships = query.Kind == ClientKind.Entity
            ? (await db.Set<StagedRelationship>().AsNoTracking()
                .Where(r => r.RunId == runId && uuids.Contains(r.ClientUuid))
                .Select(r => new { r.ClientUuid, Text = r.Type + ": " + r.RelatedClientName })
                .ToListAsync(cancellationToken))
                .ToLookup(r => r.ClientUuid, r => r.Text)
            : null;
        var bases = (await db.Clients.AsNoTracking()
                .Where(c => c.XpmLink != null && uuids.Contains(c.XpmLink.XpmUuid))
                .Select(c => new { c.XpmLink!.XpmUuid, c.XpmLink.LastSyncedValues })
                .ToListAsync(cancellationToken))
            .ToDictionary(l => l.XpmUuid, l => SyncBase.Parse(l.LastSyncedValues));
        var rows = page.Select(c => new StagedClientRow(
            c.XpmUuid, c.Kind, c.Name, c.BusinessStructure, c.Email, c.Phone, c.PhysicalAddress.ToSingleLine(), c.IsSelected,
            c.MatchKind, c.MatchReason, c.Suggestion, relationships?[c.XpmUuid].Order().ToList() ?? [])
        {
            ChangedInXpm = bases.TryGetValue(c.XpmUuid, out var @base) ? ChangedSince(@base, c) : [],
        }).ToList();
        return new PagedResult<StagedClientRow>(rows, total, query.Page, query.PageSize);
    }

    /// <summary>What XPM changed since the link's last-synced values: only fields that have a base (see <see cref="SyncBase"/>).</summary>
    private static IReadOnlyList<string> ChangedSince(SyncBase @base, StagedClient staged)
    {
        var xpm = PortalClientValues.From(staged.ToSnapshot());
        return SyncFields.All.Where(f => @base.Knows(f) && !SyncFields.Same(@base.Values, xpm, f))
            .Select(f => $"{ImportFields.Label(f)}: {SyncFields.Display(@base.Values, f) ?? "(blank)"} → {SyncFields.Display(xpm, f) ?? "(blank)"}")
            .ToList();
    }

    public Task<Result<bool>> SetStaffSelectedAsync(int runId, IReadOnlyCollection<Guid> uuids, bool selected, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(ImportSelection.OfferedStaff(db, runId), db, runId).Where(s => uuids.Contains(s.XpmUuid))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), ct), cancellationToken);

    /// <summary>"Select all": every staff member matching the search, not just the page shown.</summary>
    public Task<Result<bool>> SetAllStaffSelectedAsync(int runId, string? search, bool selected, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(SearchStaff(db, runId, search), db, runId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), ct), cancellationToken);

    public Task<Result<bool>> SetClientsSelectedAsync(int runId, IReadOnlyCollection<Guid> uuids, bool selected, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(ImportSelection.OfferedClients(db, runId), db, runId).Where(c => uuids.Contains(c.XpmUuid))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), ct), cancellationToken);

    /// <summary>"Select all matching": every client the query's search and filter match, across all pages.</summary>
    public Task<Result<bool>> SetAllClientsSelectedAsync(int runId, ClientReviewQuery query, bool selected, CancellationToken cancellationToken = default) =>
        // Only the rows whose tick changes: PostgreSQL writes a new row version even for an unchanged value (re-ticking
        // 13,000 ticked people took 250 ms there, docs/benchmarks.md).
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(Filter(db, runId, query).Where(x => x.IsSelected != selected), db, runId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), ct), cancellationToken);

    /// <summary>Accept (link) or reject (create a new client) a suggested match.</summary>
    public Task<Result<bool>> SetSuggestionAsync(int runId, Guid uuid, SuggestionDecision decision, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(ImportSelection.OfferedClients(db, runId), db, runId)
            .Where(c => c.XpmUuid == uuid && c.MatchKind == ClientMatchKind.Suggested)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Suggestion, decision), ct), cancellationToken);

    public Task<Result<bool>> SetDetailLevelAsync(int runId, ImportDetailLevel level, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(db.Set<ImportRun>().Where(r => r.Id == runId), db, runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.DetailLevel, level), ct), cancellationToken);

    /// <summary>"Save and continue": the ticks are already saved; this records that the step is done.</summary>
    public async Task<Result<ImportStep>> SaveAndContinueAsync(int runId, ImportStep step, CancellationToken cancellationToken = default)
    {
        var next = (int)step + 1;
        var saved = await ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(db.Set<ImportRun>().Where(r => r.Id == runId && r.ReviewStep < next), db, runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewStep, next), ct), cancellationToken);
        return saved.Succeeded ? (ImportStep)Math.Min(next, (int)ImportStep.Confirm) : saved.Error!;
    }

    /// <summary>Going back a step is allowed while the review is open; the ticks stay.</summary>
    public Task<Result<bool>> GoToStepAsync(int runId, ImportStep step, CancellationToken cancellationToken = default) =>
        ChangeAsync(runId, (db, ct) => ReviewGate.WhileNotFrozen(db.Set<ImportRun>().Where(r => r.Id == runId && r.ReviewStep > (int)step), db, runId)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewStep, (int)step), ct), cancellationToken);

    /// <summary>Records planned at a time for the preview: the import's default batch.</summary>
    private const int PreviewWindow = 500;

    /// <summary>The Confirm step's dry run: exactly what "Confirm and import data" would do now, planned as the import plans it.</summary>
    public async Task<Result<ImportPreview>> PreviewAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await FindFetchAsync(db, runId, cancellationToken);
        if (fetch is null)
        {
            return new ImportRunNotFoundError(runId);
        }

        return await SelectionPlanner.PreviewAsync(db, fetch.Id, fetch.PracticeId, fetch.DetailLevel, PreviewWindow, cancellationToken);
    }

    /// <summary>For the Clients step's detail level: how many selected records' details change at either level.</summary>
    public async Task<DetailLevelChanges> GetDetailLevelChangesAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await FindFetchAsync(db, runId, cancellationToken) ?? throw new InvalidOperationException($"Fetch run {runId} is not this practice's.");
        // Records unchanged since the last import change nothing at either level: not read (a full re-read of a big practice
        // is almost all of them, and planning them took over a second at 20,000 on every tick).
        var split = await SelectionPlanner.SplitAsync(db, fetch.Id, fetch.PracticeId, ImportDetailLevel.AllContactDetails, cancellationToken);
        // Records that will be created change at both levels (a name at least) and are counted, not planned: a first import
        // is all of them. The split found them as it read the selection (a query of their own scanned the fetch again).
        var planner = await SelectionPlanner.LoadAsync(db, fetch.Id, fetch.PracticeId, split.ToPlan.Where(id => !split.New.ContainsKey(id)).ToList(), cancellationToken);
        return new DetailLevelChanges(Count(planner.Plan(ImportDetailLevel.Basic)), Count(planner.Plan(ImportDetailLevel.AllContactDetails)));

        DetailLevelChanges.Count Count(ImportPlan plan)
        {
            var changing = plan.Clients.Where(c => c.Entry.WillWrite && c.Entry.Fields.Count > 0).Select(c => c.Xpm.Kind).Concat(split.New.Values).ToList();
            return new DetailLevelChanges.Count(changing.Count(k => k == ClientKind.Person), changing.Count(k => k == ClientKind.Entity));
        }
    }

    /// <summary>Runs one change of the review, unless the review is no longer open.</summary>
    private async Task<Result<bool>> ChangeAsync(int runId, Func<PortalDbContext, CancellationToken, Task<int>> change, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var fetch = await FindFetchAsync(db, runId, cancellationToken) ?? throw new InvalidOperationException($"Fetch run {runId} is not this practice's.");
        if ((await ReviewGate.ReadAsync(db, fetch, cancellationToken)).WhyClosed is { } closed)
        {
            return closed;
        }

        await change(db, cancellationToken);
        return true;
    }

    private static IQueryable<StagedStaff> SearchStaff(PortalDbContext db, int runId, string? search)
    {
        var staff = ImportSelection.OfferedStaff(db, runId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            // Lower case on both sides: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not.
            var term = $"%{search.Trim().ToLowerInvariant()}%";
            staff = staff.Where(s => EF.Functions.Like(s.Name.ToLower(), term) || (s.Email != null && EF.Functions.Like(s.Email.ToLower(), term)));
        }

        return staff;
    }

    private static IQueryable<StagedClient> Filter(PortalDbContext db, int runId, ClientReviewQuery query)
    {
        var clients = ImportSelection.OfferedClients(db, runId).Where(c => c.Kind == query.Kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            // Lower case on both sides: SQLite's LIKE ignores (ASCII) case, PostgreSQL's does not.
            var term = $"%{query.Search.Trim().ToLowerInvariant()}%";
            clients = clients.Where(c => EF.Functions.Like(c.Name.ToLower(), term) || (c.Email != null && EF.Functions.Like(c.Email.ToLower(), term))
                || (c.BusinessStructure != null && EF.Functions.Like(c.BusinessStructure.ToLower(), term)));
        }

        return query.Filter switch
        {
            ClientReviewFilter.New => clients.Where(c => c.MatchKind == ClientMatchKind.None),
            ClientReviewFilter.Matches => clients.Where(c => c.MatchKind != ClientMatchKind.None),
            ClientReviewFilter.NoEmail => clients.Where(c => c.Email == null),
            _ => clients,
        };
    }

    private async Task<ImportRun?> FindFetchAsync(PortalDbContext db, int runId, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return await db.Set<ImportRun>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == runId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch, cancellationToken);
    }

    /// <summary>Pages only ever ask for their own practice's runs; anything else is a bug.</summary>
    private async Task EnsureFetchAsync(PortalDbContext db, int runId, CancellationToken cancellationToken)
    {
        _ = await FindFetchAsync(db, runId, cancellationToken) ?? throw new InvalidOperationException($"Fetch run {runId} is not this practice's.");
    }
}
