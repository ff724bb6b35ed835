using Microsoft.EntityFrameworkCore;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import;
using Portal.Core.Import.Plan;
using Portal.Core.Import.Runs;
using Portal.Core.Xpm;
using Portal.Core.Xpm.Connection;

namespace Portal.Core.Sync;

/// <summary>
/// What the "Sync data to Xero Practice Manager" wizard asks: the clients it can send, a field-level preview, and
/// starting the durable run (<see cref="SyncRunner"/> does the sending).
/// </summary>
public sealed class SyncRunService(
    IDbContextFactory<PortalDbContext> contextFactory,
    ICurrentUser currentUser,
    IXpmClient xpm,
    XpmQuota quota,
    ImportQueue queue,
    ImportProgress progress,
    TimeProvider time)
{
    /// <summary>One page of the clients the sync can send, by name; linked clients only when they have pending fields.</summary>
    public async Task<SyncCandidatePage> GetCandidatesAsync(SyncMode mode, string? search, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = Candidates(db, user.PracticeId, mode);
        if (!string.IsNullOrWhiteSpace(search))
        {
            var term = $"%{search.Trim()}%";
            clients = clients.Where(c => EF.Functions.Like(c.Name, term) || (c.Email != null && EF.Functions.Like(c.Email, term)));
        }

        var total = await clients.CountAsync(cancellationToken);
        var rows = await clients.OrderBy(c => c.Name).ThenBy(c => c.Id).Skip(page * pageSize).Take(pageSize)
            .Select(c => new { c.Id, c.Name, c.Email, Linked = c.XpmLink != null, Pending = c.XpmLink != null ? c.XpmLink.PendingSyncFields : null, Error = c.XpmLink != null ? c.XpmLink.SyncError : null })
            .ToListAsync(cancellationToken);
        return new SyncCandidatePage(
            rows.Select(r => new SyncCandidate(r.Id, r.Name, r.Email, r.Linked ? SyncAction.Update : SyncAction.Create,
                r.Pending is null ? null : string.Join(", ", SyncFields.Parse(r.Pending).Order().Select(ImportFields.Label)), r.Error)).ToList(),
            total);
    }

    /// <summary>The clients ticked when the wizard opens: every linked client with pending fields.</summary>
    public async Task<IReadOnlyList<int>> GetPendingAsync(SyncMode mode, CancellationToken cancellationToken = default)
    {
        if (!mode.HasFlag(SyncMode.UpdateExisting))
        {
            return [];
        }

        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await Candidates(db, user.PracticeId, SyncMode.UpdateExisting).OrderBy(c => c.Name).Select(c => c.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Exactly what a sync of <paramref name="clientIds"/> would send, per client and field. When a person's mobile
    /// would change, their XPM contact may be listed by other clients too: one read of XPM's client list (contacts
    /// included) counts them, so the preview can say so before anything is changed.
    /// </summary>
    public async Task<SyncPreview> PreviewAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var clients = await db.Clients.AsNoTracking().Where(c => c.PracticeId == user.PracticeId && clientIds.Contains(c.Id)).OrderBy(c => c.Name).ToListAsync(cancellationToken);
        var previews = clients.Select(Preview).ToList();
        var contacts = clients.Where(c => c.XpmLink?.ContactUuid is not null && XpmSyncService.PlanFor(c).Contact is not null)
            .ToDictionary(c => c.Id, c => c.XpmLink!.ContactUuid!.Value);
        string? warning = null;
        var reads = 0;
        if (contacts.Count > 0)
        {
            reads = 1;
            var shared = await CountClientsPerContactAsync(contacts.Values.ToHashSet(), cancellationToken);
            if (shared.Succeeded)
            {
                previews = previews.Select(p => contacts.TryGetValue(p.ClientId, out var contact) ? p with { SharedWith = Math.Max(0, shared.Value!.GetValueOrDefault(contact) - 1) } : p).ToList();
            }
            else
            {
                warning = $"Could not check whether the contacts whose mobile will change are shared with other clients: {shared.Error!.Message}";
            }
        }

        return new SyncPreview(previews, previews.Sum(p => p.Calls), reads, quota.Current.DayLimitRemaining, warning);
    }

    /// <summary>
    /// Confirm: freezes the selection as the run's items and queues the run. One run at a time per practice (a fetch,
    /// an import or a sync): a second start is refused, never doubled.
    /// </summary>
    public async Task<Result<int>> StartAsync(IReadOnlyCollection<int> clientIds, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.Set<XpmConnection>().AnyAsync(c => c.PracticeId == user.PracticeId && c.Status == XpmConnectionStatus.Connected, cancellationToken))
        {
            return new XpmNotConnectedError();
        }

        var run = new ImportRun
        {
            PracticeId = user.PracticeId,
            Kind = ImportRunKind.Sync,
            Status = ImportRunStatus.Queued,
            StartedBy = user.Name,
            StartedByEmail = user.Email,
            CreatedAt = time.GetUtcNow().UtcDateTime,
            Phase = "Waiting to start",
        };
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var active = await db.Set<ImportRun>()
                .Where(r => r.PracticeId == user.PracticeId && (r.Status == ImportRunStatus.Queued || r.Status == ImportRunStatus.Running))
                .Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken);
            if (active is { } runningId)
            {
                return new SyncAlreadyRunningError(runningId);
            }

            var selected = await Candidates(db, user.PracticeId, SyncMode.Both).Where(c => clientIds.Contains(c.Id)).OrderBy(c => c.Name)
                .Select(c => new { c.Id, c.Name, Linked = c.XpmLink != null }).ToListAsync(cancellationToken);
            if (selected.Count == 0)
            {
                return new NothingToSyncError();
            }

            run.ItemsTotal = selected.Count;
            run.SelectedClients = selected.Count;
            db.Add(run);
            await db.SaveChangesAsync(cancellationToken);
            db.AddRange(selected.Select(c => new SyncRunItem { RunId = run.Id, ClientId = c.Id, Name = c.Name, Action = c.Linked ? SyncAction.Update : SyncAction.Create }));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        await progress.PublishAsync(ImportProgressSnapshot.From(run));
        queue.Wake();
        return run.Id;
    }

    /// <summary>The practice's latest sync run, for the Manage page.</summary>
    public async Task<ImportProgressSnapshot?> GetLatestAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var run = await db.Set<ImportRun>().AsNoTracking().Where(r => r.PracticeId == user.PracticeId && r.Kind == ImportRunKind.Sync)
            .OrderByDescending(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return run is null ? null : ImportProgressSnapshot.From(run);
    }

    /// <summary>The clients of a sync run that XPM refused.</summary>
    public async Task<IReadOnlyList<SyncFailure>> GetFailuresAsync(int runId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SyncRunItem>().AsNoTracking()
            .Where(i => i.RunId == runId && i.State == SyncItemState.Failed && db.Set<ImportRun>().Any(r => r.Id == runId && r.PracticeId == user.PracticeId))
            .OrderBy(i => i.Id).Select(i => new SyncFailure(i.ClientId, i.Name, i.Error ?? "")).ToListAsync(cancellationToken);
    }

    private static IQueryable<Client> Candidates(PortalDbContext db, int practiceId, SyncMode mode)
    {
        var update = mode.HasFlag(SyncMode.UpdateExisting);
        var create = mode.HasFlag(SyncMode.CreateMissing);
        return db.Clients.AsNoTracking().Where(c => c.PracticeId == practiceId && !c.IsArchived
            && ((update && c.XpmLink != null && c.XpmLink.PendingSyncFields != null) || (create && c.XpmLink == null)));
    }

    private static SyncPreviewClient Preview(Client client)
    {
        var portal = PortalClientValues.From(client);
        if (client.XpmLink is null)
        {
            // client.api/add sends every field the portal has; a person's mobile goes as their own contact in the same call.
            var fields = SyncFields.All.Where(f => SyncFields.Key(portal, f) is not null && (f != ImportField.Mobile || client.Kind == ClientKind.Person))
                .Select(f => new SyncPreviewField(ImportFields.Label(f), SyncFields.Display(portal, f), null)).ToList();
            return new SyncPreviewClient(client.Id, client.Name, SyncAction.Create, fields, [], 0, 1);
        }

        var plan = XpmSyncService.PlanFor(client);
        var @base = SyncBase.Parse(client.XpmLink.LastSyncedValues);
        return new SyncPreviewClient(client.Id, client.Name, SyncAction.Update,
            plan.Fields.Select(f => new SyncPreviewField(ImportFields.Label(f), SyncFields.Display(portal, f), @base.Knows(f) ? SyncFields.Display(@base.Values, f) : null)).ToList(),
            plan.NotSent, 0, plan.Calls);
    }

    private async Task<Result<Dictionary<Guid, int>>> CountClientsPerContactAsync(HashSet<Guid> contacts, CancellationToken cancellationToken)
    {
        var list = await xpm.GetClientsAsync(detailed: false, cancellationToken: cancellationToken);
        if (!list.Succeeded)
        {
            return list.Error!;
        }

        var counts = new Dictionary<Guid, int>();
        await foreach (var record in list.Value!.WithCancellation(cancellationToken))
        {
            if (record.IsDeleted)
            {
                continue;
            }

            foreach (var contact in record.Contacts.Where(c => c.Uuid is { } id && contacts.Contains(id)).Select(c => c.Uuid!.Value).Distinct())
            {
                counts[contact] = counts.GetValueOrDefault(contact) + 1;
            }
        }

        return counts;
    }
}
