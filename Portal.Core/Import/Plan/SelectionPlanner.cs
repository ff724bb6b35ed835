using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Data;
using Portal.Core.Import.Fetch;
using Portal.Core.Import.Review;
using Portal.Core.Staff;
using Portal.Core.Sync;

namespace Portal.Core.Import.Plan;

/// <summary>
/// Plans a fetch's selection against the portal as it is now. The Confirm step's preview, the Clients step's
/// detail-level counts and the import run all call this over the same <see cref="ImportSelection"/>, so what the
/// user was shown is what happens.
/// <para>
/// It never matches again: each staged record carries the match the fetch made over everything it offered, which is
/// also what the review showed. Only what the portal has done since can overrule it: a record linked to this XPM
/// UUID since (an interrupted attempt of this very import) is <see cref="ClientMatchKind.Linked"/>, so a resumed
/// import updates instead of creating twice; a matched portal client deleted or linked to another XPM record since
/// is no longer a match, and the record is created.
/// </para>
/// </summary>
internal sealed class SelectionPlanner
{
    private readonly List<StagedStaff> _staff;
    private readonly List<StagedClient> _clients;
    private readonly Dictionary<int, StaffMember> _portalStaff;
    private readonly Dictionary<int, Client> _portalClients;
    private readonly Dictionary<Guid, int> _staffByLink;
    private readonly Dictionary<Guid, int> _clientsByLink;
    private readonly IReadOnlyDictionary<ImportField, ConflictPolicy> _policies;

    private SelectionPlanner(List<StagedStaff> staff, List<StagedClient> clients, List<StaffMember> portalStaff, List<Client> portalClients, IReadOnlyDictionary<ImportField, ConflictPolicy> policies)
    {
        _policies = policies;
        (_staff, _clients) = (staff, clients);
        _portalStaff = portalStaff.ToDictionary(s => s.Id);
        _portalClients = portalClients.ToDictionary(c => c.Id);
        _staffByLink = portalStaff.Where(s => s.XpmLink is not null).ToDictionary(s => s.XpmLink!.XpmUuid, s => s.Id);
        _clientsByLink = portalClients.Where(c => c.XpmLink is not null).ToDictionary(c => c.XpmLink!.XpmUuid, c => c.Id);
    }

    /// <summary>
    /// Reads the fetch's staged records <paramref name="stagedIds"/> (selected ones: see <see cref="SplitAsync(PortalDbContext, int, int, ImportDetailLevel, CancellationToken)"/>)
    /// and the practice's portal records they can touch; plan as often as needed after.
    /// </summary>
    public static Task<SelectionPlanner> LoadAsync(PortalDbContext db, int fetchRunId, int practiceId, IReadOnlyCollection<long> stagedIds, CancellationToken cancellationToken) =>
        LoadAsync(db, fetchRunId, practiceId, new Window(stagedIds, LinkedClients: null), cancellationToken);

    /// <summary>
    /// The Confirm step's preview of the import at <paramref name="level"/>: the plan of every selected record but those
    /// unchanged since the last import, which are counted as unchanged (as the import counts them) without being read.
    /// </summary>
    /// <remarks>Planned a window at a time, as the import plans it, holding only the counts and the changes shown.</remarks>
    public static async Task<ImportPreview> PreviewAsync(PortalDbContext db, int fetchRunId, int practiceId, ImportDetailLevel level, int batchSize, CancellationToken cancellationToken)
    {
        var split = await SplitAsync(db, fetchRunId, practiceId, level, cancellationToken);
        var preview = new ImportPreview.Builder();
        preview.Add(await PlanStaffAsync(db, fetchRunId, practiceId, level, cancellationToken));
        await foreach (var window in PlanClientWindowsAsync(db, fetchRunId, practiceId, level, batchSize, split.ToPlan, cancellationToken))
        {
            preview.Add(window);
        }

        return preview.Build(split.Unchanged.Count(u => u.Kind == ClientKind.Person), split.Unchanged.Count(u => u.Kind == ClientKind.Entity));
    }

    /// <summary>The import's plan for the selected staff (planned and applied before any client: a client's team names them).</summary>
    public static async Task<ImportPlan> PlanStaffAsync(PortalDbContext db, int fetchRunId, int practiceId, ImportDetailLevel level, CancellationToken cancellationToken) =>
        (await LoadAsync(db, fetchRunId, practiceId, Window.StaffOnly, cancellationToken)).Plan(level);

    /// <summary>
    /// The same plan for the selected clients <paramref name="stagedIds"/> (in staged order: <see cref="SelectionSplit.ToPlan"/>), a
    /// window at a time, for the import: <paramref name="batchSize"/> at a time. Each window is read when the caller asks for it,
    /// so only one window's records and portal clients are held (a whole plan held 190 MB at 20,000 clients), and it is
    /// planned against the portal as the caller's earlier windows left it. Each window's plan is the one the whole plan
    /// would have made: a record's plan depends only on its own match and its own portal client, and the fetch settled
    /// contests (two records wanting one portal client) before anything was planned.
    /// </summary>
    public static async IAsyncEnumerable<ImportPlan> PlanClientWindowsAsync(
        PortalDbContext db, int fetchRunId, int practiceId, ImportDetailLevel level, int batchSize, IReadOnlyList<long> stagedIds,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // Each window is found by primary keys: the staged ids, and which portal client holds each XPM UUID once (a window's
        // records cannot be linked by an earlier window: each UUID is staged once). Filtering and ordering the staged rows,
        // or joining each window to the links, per window scanned the whole run each time.
        if (stagedIds.Count == 0)
        {
            // Every record unchanged since the last import (a re-import with nothing changed): no links to read either.
            yield break;
        }

        var linked = await LinkedIds.ClientsAsync(db, practiceId, cancellationToken);
        foreach (var chunk in stagedIds.Chunk(batchSize))
        {
            yield return (await LoadAsync(db, fetchRunId, practiceId, new Window(chunk, linked), cancellationToken)).Plan(level);
        }
    }

    /// <summary>
    /// What an import's plan depends on besides each record and its portal client (<see cref="ImportFingerprint.Context"/>),
    /// and for an import at basic, the context at all contact details too: a record unchanged at all contact details is
    /// unchanged at basic (its fields are a subset).
    /// </summary>
    public static async Task<(long Context, long? AlsoAt)> ImportContextAsync(
        PortalDbContext db, int practiceId, ImportDetailLevel level, IReadOnlyDictionary<Guid, int> staffByUuid, CancellationToken cancellationToken)
    {
        var policies = await db.Set<SyncFieldPolicy>().AsNoTracking().Where(p => p.PracticeId == practiceId)
            .ToDictionaryAsync(p => p.Field, p => p.Policy, cancellationToken);
        return (ImportFingerprint.Context(level, policies, staffByUuid),
            level == ImportDetailLevel.Basic ? ImportFingerprint.Context(ImportDetailLevel.AllContactDetails, policies, staffByUuid) : null);
    }

    /// <summary>
    /// The selected records in staged order, split: those XPM has exactly as when the last import applied them, under the
    /// same <paramref name="importContext"/>, whose portal client has not changed since (an import would plan each of them
    /// as unchanged and write nothing: <see cref="ImportFingerprint"/>), and the rest, to plan; and the archive changes XPM
    /// asks of linked clients (<see cref="SelectionSplit.ArchiveChanges"/>). Every staged record and its link are read as a
    /// few numbers each, once: the preview, the counts and the import plan by these ids, and the import's archive pass
    /// works from them, without reading the fetch or the links again (joining the two in SQL for the archive pass alone
    /// took 0.13 s of every 20,000-client import).
    /// </summary>
    /// <param name="alsoAt">Another context a record may match: an import at all contact details, for one at basic (a record
    /// unchanged at all contact details is unchanged at basic too, its fields being a subset).</param>
    public static async Task<SelectionSplit> SplitAsync(
        PortalDbContext db, int fetchRunId, int practiceId, long importContext, CancellationToken cancellationToken, long? alsoAt = null)
    {
        if (!await db.Clients.AnyAsync(c => c.PracticeId == practiceId && c.XpmLink != null, cancellationToken))
        {
            // Nothing linked yet (a first import): nothing is unchanged or archived in XPM since, and the selection's ids are
            // all there is to read (the Clients step's counts read this after every tick).
            var selected = await ImportSelection.SelectedClients(db, fetchRunId).OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.Kind, c.MatchKind, c.Suggestion, HasName = c.Name.Trim() != "" }).ToListAsync(cancellationToken);
            var first = new SelectionSplit();
            foreach (var s in selected)
            {
                first.ToPlan.Add(s.Id);
                if (SelectionSplit.WillCreate(s.MatchKind, s.Suggestion, s.HasName))
                {
                    first.New[s.Id] = s.Kind;
                }
            }

            return first;
        }

        var staged = await db.Set<StagedClient>().AsNoTracking().Where(s => s.RunId == fetchRunId).OrderBy(s => s.Id)
            .Select(s => new { s.Id, s.XpmUuid, s.Kind, s.Fingerprint, s.IsSelected, s.IsArchived, s.IsDeleted, s.MatchKind, s.Suggestion, HasName = s.Name.Trim() != "" })
            .ToListAsync(cancellationToken);
        var split = new SelectionSplit();
        if (staged.Count == 0)
        {
            return split;
        }

        // Two plain reads joined here: SQLite joined the staged rows to the links row by row (0.2 s at 20,000). A delta's
        // few records read their own links by the unique index; a full read reads every link in one pass.
        var links = db.Clients.AsNoTracking().Where(c => c.PracticeId == practiceId && c.XpmLink != null);
        if (staged.Count <= FewRecords)
        {
            var uuids = staged.Select(s => s.XpmUuid).ToList();
            links = links.Where(c => uuids.Contains(c.XpmLink!.XpmUuid));
        }

        var linked = await links.Select(c => new { c.Id, c.XpmLink!.XpmUuid, c.XpmLink.ImportFingerprint, c.XpmLink.IsArchivedInXpm })
            .ToDictionaryAsync(c => c.XpmUuid, cancellationToken);
        foreach (var s in staged)
        {
            var link = linked.GetValueOrDefault(s.XpmUuid);
            if (link is not null && (s.IsArchived || s.IsDeleted) != link.IsArchivedInXpm)
            {
                split.ArchiveChanges[link.Id] = s.IsArchived || s.IsDeleted;
            }

            if (!ImportSelection.IsSelected(s.IsArchived, s.IsDeleted, s.IsSelected))
            {
                continue;
            }

            if (link?.ImportFingerprint is { } kept
                && (kept == ImportFingerprint.Combine(s.Fingerprint, importContext) || (alsoAt is { } other && kept == ImportFingerprint.Combine(s.Fingerprint, other))))
            {
                split.Unchanged.Add((s.Id, s.XpmUuid, s.Kind));
            }
            else
            {
                split.ToPlan.Add(s.Id);
                if (link is null && SelectionSplit.WillCreate(s.MatchKind, s.Suggestion, s.HasName))
                {
                    split.New[s.Id] = s.Kind;
                }
            }
        }

        return split;
    }

    /// <summary>Up to this many staged records (a delta), <see cref="SplitAsync(PortalDbContext, int, int, long, CancellationToken, long?)"/> reads only their links.</summary>
    private const int FewRecords = 1000;

    /// <summary>
    /// The same before an import starts, at <paramref name="level"/>, with the portal's staff links as they are now. A record
    /// unchanged at all contact details is unchanged at basic too (its fields are a subset), so the Clients step's counts
    /// for both levels may leave out what this gives at <see cref="ImportDetailLevel.AllContactDetails"/>.
    /// </summary>
    public static async Task<SelectionSplit> SplitAsync(PortalDbContext db, int fetchRunId, int practiceId, ImportDetailLevel level, CancellationToken cancellationToken)
    {
        var staffByUuid = await LinkedIds.StaffAsync(db, practiceId, cancellationToken);
        var (context, alsoAt) = await ImportContextAsync(db, practiceId, level, staffByUuid, cancellationToken);
        return await SplitAsync(db, fetchRunId, practiceId, context, cancellationToken, alsoAt);
    }

    /// <summary>How many staff and clients the import will plan or skip.</summary>
    public static async Task<int> CountAsync(PortalDbContext db, int fetchRunId, CancellationToken cancellationToken) =>
        await ImportSelection.SelectedStaff(db, fetchRunId).CountAsync(cancellationToken)
        + await ImportSelection.SelectedClients(db, fetchRunId).CountAsync(cancellationToken);

    /// <param name="StagedIds">These staged clients; empty: the staff only.</param>
    /// <param name="LinkedClients">The practice's portal client linked to each XPM UUID; null: read for these clients' UUIDs.</param>
    private sealed record Window(IReadOnlyCollection<long> StagedIds, IReadOnlyDictionary<Guid, int>? LinkedClients)
    {
        public static readonly Window StaffOnly = new([], new Dictionary<Guid, int>());
    }

    /// <summary>The staff (a window with no staged ids) or one window of clients, and the portal records they can touch.</summary>
    private static async Task<SelectionPlanner> LoadAsync(PortalDbContext db, int fetchRunId, int practiceId, Window window, CancellationToken cancellationToken)
    {
        var withStaff = window.StagedIds.Count == 0;
        var staff = withStaff ? await ImportSelection.SelectedStaff(db, fetchRunId).AsNoTracking().OrderBy(s => s.Id).ToListAsync(cancellationToken) : [];
        var portalStaff = withStaff ? await db.StaffMembers.AsNoTracking().Where(s => s.PracticeId == practiceId).ToListAsync(cancellationToken) : [];

        // By the ids kept, never "not in" the ids left out: PostgreSQL checks a NOT IN list row by row against every item
        // (1.5 s at 20,000), while an IN list is a primary-key lookup on both databases.
        var ids = window.StagedIds.ToList();
        var clients = ids.Count == 0 ? [] : await db.Set<StagedClient>().AsNoTracking().Where(c => ids.Contains(c.Id)).OrderBy(c => c.Id).ToListAsync(cancellationToken);

        // Only the portal clients the plan can touch, by primary key: those matched at the fetch, and those linked to a
        // record's UUID since (an interrupted attempt of this import).
        var linked = window.LinkedClients
            ?? (clients.Count == 0 ? new Dictionary<Guid, int>() : await LinkedIds.ClientsAsync(db, practiceId, clients.ConvertAll(c => c.XpmUuid), cancellationToken));
        var portalIds = clients.Select(c => c.MatchClientId)
            .Concat(clients.Select(c => linked.TryGetValue(c.XpmUuid, out var id) ? id : (int?)null))
            .OfType<int>().Distinct().ToList();
        var portalClients = portalIds.Count == 0 ? [] : await db.Clients.AsNoTracking().Where(c => c.PracticeId == practiceId && portalIds.Contains(c.Id)).ToListAsync(cancellationToken);

        var policies = await db.Set<SyncFieldPolicy>().AsNoTracking().Where(p => p.PracticeId == practiceId)
            .ToDictionaryAsync(p => p.Field, p => p.Policy, cancellationToken);
        return new SelectionPlanner(staff, clients, portalStaff, portalClients, policies);
    }

    public ImportPlan Plan(ImportDetailLevel level)
    {
        var staff = _staff.Select(s =>
        {
            var match = CurrentMatch(s);
            var current = match.StaffMemberId is { } id ? PortalStaffSnapshot.From(_portalStaff[id]) : null;
            return new ImportPlan.StaffPlan(s, RecordPlanner.PlanStaff(s.ToXpmStaff(), match, current));
        }).ToList();
        var clients = _clients.Select(c =>
        {
            var xpm = c.ToSnapshot();
            var match = CurrentMatch(c);
            var portal = match.ClientId is { } id ? _portalClients[id] : null;
            var current = portal is null ? null : PortalClientValues.From(portal);
            var sync = SyncStateOf(portal, match);
            return new ImportPlan.ClientPlan(c, xpm, RecordPlanner.Plan(xpm, match, current, level, c.Suggestion, sync), portal, sync?.Base);
        }).ToList();
        return new ImportPlan(staff, clients);
    }

    /// <summary>A client already linked to this XPM record is compared three ways, from its link's last-synced values.</summary>
    private LinkSyncState? SyncStateOf(Client? portal, ClientMatch match) =>
        match.Kind == ClientMatchKind.Linked && portal?.XpmLink is { } link && link.XpmUuid == match.XpmUuid
            ? new LinkSyncState(SyncBase.Parse(link.LastSyncedValues), SyncFields.Parse(link.PendingSyncFields), _policies)
            : null;

    private ClientMatch CurrentMatch(StagedClient staged)
    {
        if (_clientsByLink.TryGetValue(staged.XpmUuid, out var linked))
        {
            return new ClientMatch(staged.XpmUuid, ClientMatchKind.Linked, linked, ClientMatcher.LinkedReason);
        }

        if (staged.MatchKind == ClientMatchKind.None || staged.MatchClientId is not { } id)
        {
            return new ClientMatch(staged.XpmUuid, ClientMatchKind.None, null, staged.MatchReason ?? "No matching portal client — a new client will be created");
        }

        if (!_portalClients.TryGetValue(id, out var portal))
        {
            return new ClientMatch(staged.XpmUuid, ClientMatchKind.None, null,
                "The portal client it matched when the data was read has since been deleted — a new client will be created");
        }

        if (portal.XpmLink is { } link && link.XpmUuid != staged.XpmUuid)
        {
            return new ClientMatch(staged.XpmUuid, ClientMatchKind.None, null,
                $"The portal client it matched when the data was read ({portal.Name}) has since been linked to another XPM client — a new client will be created");
        }

        return new ClientMatch(staged.XpmUuid, staged.MatchKind, id, staged.MatchReason ?? "");
    }

    private StaffMatch CurrentMatch(StagedStaff staged)
    {
        if (_staffByLink.TryGetValue(staged.XpmUuid, out var linked))
        {
            return new StaffMatch(staged.XpmUuid, StaffMatchKind.Linked, linked, "Already linked to this XPM staff member");
        }

        if (staged.MatchKind == StaffMatchKind.None || staged.MatchStaffMemberId is not { } id)
        {
            return new StaffMatch(staged.XpmUuid, StaffMatchKind.None, null, staged.MatchReason ?? "No matching portal staff member — a new staff member will be created");
        }

        if (!_portalStaff.TryGetValue(id, out var portal) || (portal.XpmLink is { } link && link.XpmUuid != staged.XpmUuid))
        {
            return new StaffMatch(staged.XpmUuid, StaffMatchKind.None, null,
                "The portal staff member it matched when the data was read has since been deleted or linked to another XPM staff member — a new staff member will be created");
        }

        return new StaffMatch(staged.XpmUuid, staged.MatchKind, id, staged.MatchReason ?? "");
    }
}
