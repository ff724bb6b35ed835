using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;

namespace Portal.Core.Import.Review;

/// <summary>
/// The review stepper's reads and writes. Every tick and every "Save and continue" is written to the database
/// straight away, so closing the browser, a second tab or a server restart shows the same step and ticks.
/// Lists page on the server, so 20,000 clients cost one page at a time.
/// </summary>
public sealed class ImportReviewService(IDbContextFactory<PortalDbContext> contextFactory, ICurrentUser currentUser)
{
    public async Task<Result<ImportReview>> GetAsync(int runId, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await FindRunAsync(db, runId, cancellationToken);
        if (run is null)
        {
            return new ImportRunNotFoundError(runId);
        }

        var staff = db.Set<StagedStaff>().Where(s => s.RunId == runId);
        var clients = Reviewable(db, runId);
        return new ImportReview(
            run.Id, run.Status, run.FinishedAt, (ImportStep)Math.Clamp(run.ReviewStep, 0, 3), run.DetailLevel,
            await staff.CountAsync(cancellationToken), await staff.CountAsync(s => s.IsSelected, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Person, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Person && c.IsSelected, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Entity, cancellationToken),
            await clients.CountAsync(c => c.Kind == ClientKind.Entity && c.IsSelected, cancellationToken));
    }

    public async Task<PagedResult<StagedStaffRow>> GetStaffAsync(int runId, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        var staff = SearchStaff(db, runId, search);
        var total = await staff.CountAsync(cancellationToken);
        var rows = await staff.OrderBy(s => s.Name).ThenBy(s => s.Id).Skip(page * pageSize).Take(pageSize)
            .Select(s => new StagedStaffRow(s.XpmUuid, s.Name, s.Email, s.Phone, s.Mobile, s.IsSelected, s.ExistingStaffMemberId != null))
            .ToListAsync(cancellationToken);
        return new PagedResult<StagedStaffRow>(rows, total, page, pageSize);
    }

    public async Task<PagedResult<StagedClientRow>> GetClientsAsync(int runId, ClientReviewQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
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
        var rows = page.Select(c => new StagedClientRow(
            c.XpmUuid, c.Kind, c.Name, c.BusinessStructure, c.Email, c.Phone, c.PhysicalAddress.ToSingleLine(), c.IsSelected,
            c.MatchKind, c.MatchReason, c.Suggestion, relationships?[c.XpmUuid].Order().ToList() ?? [])).ToList();
        return new PagedResult<StagedClientRow>(rows, total, query.Page, query.PageSize);
    }

    public async Task SetStaffSelectedAsync(int runId, IReadOnlyCollection<Guid> uuids, bool selected, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await db.Set<StagedStaff>().Where(s => s.RunId == runId && uuids.Contains(s.XpmUuid))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), cancellationToken);
    }

    /// <summary>"Select all": every staff member matching the search, not just the page shown.</summary>
    public async Task SetAllStaffSelectedAsync(int runId, string? search, bool selected, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await SearchStaff(db, runId, search).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), cancellationToken);
    }

    public async Task SetClientsSelectedAsync(int runId, IReadOnlyCollection<Guid> uuids, bool selected, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await Reviewable(db, runId).Where(c => uuids.Contains(c.XpmUuid))
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), cancellationToken);
    }

    /// <summary>"Select all matching": every client the query's search and filter match, across all pages.</summary>
    public async Task SetAllClientsSelectedAsync(int runId, ClientReviewQuery query, bool selected, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await Filter(db, runId, query).ExecuteUpdateAsync(s => s.SetProperty(x => x.IsSelected, selected), cancellationToken);
    }

    /// <summary>Accept (link) or reject (create a new client) a suggested match.</summary>
    public async Task SetSuggestionAsync(int runId, Guid uuid, SuggestionDecision decision, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await Reviewable(db, runId).Where(c => c.XpmUuid == uuid && c.MatchKind == ClientMatchKind.Suggested)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Suggestion, decision), cancellationToken);
    }

    public async Task SetDetailLevelAsync(int runId, ImportDetailLevel level, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await db.Set<ImportRun>().Where(r => r.Id == runId).ExecuteUpdateAsync(s => s.SetProperty(r => r.DetailLevel, level), cancellationToken);
    }

    /// <summary>"Save and continue": the ticks are already saved; this records that the step is done.</summary>
    public async Task<ImportStep> SaveAndContinueAsync(int runId, ImportStep step, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        var next = (int)step + 1;
        await db.Set<ImportRun>().Where(r => r.Id == runId && r.ReviewStep < next)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewStep, next), cancellationToken);
        return (ImportStep)Math.Min(next, (int)ImportStep.Confirm);
    }

    /// <summary>Going back a step is allowed; the ticks stay.</summary>
    public async Task GoToStepAsync(int runId, ImportStep step, CancellationToken cancellationToken = default)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await EnsureRunAsync(db, runId, cancellationToken);
        await db.Set<ImportRun>().Where(r => r.Id == runId && r.ReviewStep > (int)step)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.ReviewStep, (int)step), cancellationToken);
    }

    private static IQueryable<StagedStaff> SearchStaff(PortalDbContext db, int runId, string? search)
    {
        var staff = db.Set<StagedStaff>().Where(s => s.RunId == runId);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = $"%{search.Trim()}%";
            staff = staff.Where(s => EF.Functions.Like(s.Name, term) || (s.Email != null && EF.Functions.Like(s.Email, term)));
        }

        return staff;
    }

    /// <summary>Archived and deleted XPM clients are staged (sync needs them) but never offered for import.</summary>
    private static IQueryable<StagedClient> Reviewable(PortalDbContext db, int runId) =>
        db.Set<StagedClient>().Where(c => c.RunId == runId && !c.IsArchived && !c.IsDeleted);

    private static IQueryable<StagedClient> Filter(PortalDbContext db, int runId, ClientReviewQuery query)
    {
        var clients = Reviewable(db, runId).Where(c => c.Kind == query.Kind);
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = $"%{query.Search.Trim()}%";
            clients = clients.Where(c => EF.Functions.Like(c.Name, term) || (c.Email != null && EF.Functions.Like(c.Email, term))
                || (c.BusinessStructure != null && EF.Functions.Like(c.BusinessStructure, term)));
        }

        return query.Filter switch
        {
            ClientReviewFilter.New => clients.Where(c => c.MatchKind == ClientMatchKind.None),
            ClientReviewFilter.Matches => clients.Where(c => c.MatchKind != ClientMatchKind.None),
            ClientReviewFilter.NoEmail => clients.Where(c => c.Email == null),
            _ => clients,
        };
    }

    private async Task<ImportRun?> FindRunAsync(PortalDbContext db, int runId, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        return await db.Set<ImportRun>().AsNoTracking()
            .FirstOrDefaultAsync(r => r.Id == runId && r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Fetch, cancellationToken);
    }

    /// <summary>Pages only ever ask for their own practice's runs; anything else is a bug.</summary>
    private async Task EnsureRunAsync(PortalDbContext db, int runId, CancellationToken cancellationToken)
    {
        _ = await FindRunAsync(db, runId, cancellationToken) ?? throw new InvalidOperationException($"Fetch run {runId} is not this practice's.");
    }
}
