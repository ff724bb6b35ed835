using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Portal.Core.Audit;
using Portal.Core.Clients;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;
using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>
/// The Conflicts inbox and the per-field policy, for managers. Resolving a conflict makes XPM's value the field's new
/// last-synced value (XPM has it), then:
/// <list type="bullet">
/// <item><b>Keep portal</b>: the portal's value stays and is pending sync to XPM;</item>
/// <item><b>Take XPM</b>: XPM's value replaces the portal's; nothing is pending;</item>
/// <item><b>Edit</b>: the typed value replaces the portal's and is pending sync unless it equals XPM's.</item>
/// </list>
/// </summary>
public sealed class ConflictService(IDbContextFactory<PortalDbContext> contextFactory, ICurrentUser currentUser, TimeProvider time)
{
    public async Task<Result<IReadOnlyList<ConflictView>>> ListOpenAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Set<SyncConflict>().AsNoTracking()
            .Where(c => c.PracticeId == user.PracticeId && c.ResolvedAt == null)
            .Join(db.Clients, c => c.ClientId, client => client.Id, (c, client) => new { c, client.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.c.Id)
            .ToListAsync(cancellationToken);
        return rows.Select(x => new ConflictView(x.c.Id, x.c.ClientId, x.Name, x.c.Field, ImportFields.Label(x.c.Field),
            x.c.BaseValue, x.c.PortalValue, x.c.XpmValue, x.c.DetectedAt)).ToList();
    }

    /// <summary>How many conflicts are open (the menu's count); 0 for anyone but a manager.</summary>
    public async Task<int> CountOpenAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return 0;
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.Set<SyncConflict>().CountAsync(c => c.PracticeId == user.PracticeId && c.ResolvedAt == null, cancellationToken);
    }

    public Task<Result<int>> KeepPortalAsync(IReadOnlyCollection<int> conflictIds, CancellationToken cancellationToken = default) =>
        ResolveAsync(conflictIds, ConflictResolution.KeepPortal, null, cancellationToken);

    public Task<Result<int>> TakeXpmAsync(IReadOnlyCollection<int> conflictIds, CancellationToken cancellationToken = default) =>
        ResolveAsync(conflictIds, ConflictResolution.TakeXpm, null, cancellationToken);

    public Task<Result<int>> EditAsync(int conflictId, string? value, CancellationToken cancellationToken = default) =>
        ResolveAsync([conflictId], ConflictResolution.Edited, value, cancellationToken);

    public async Task<Result<IReadOnlyDictionary<ImportField, ConflictPolicy>>> GetPoliciesAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var set = await db.Set<SyncFieldPolicy>().AsNoTracking().Where(p => p.PracticeId == user.PracticeId)
            .ToDictionaryAsync(p => p.Field, p => p.Policy, cancellationToken);
        return SyncFields.All.ToDictionary(f => f, f => set.GetValueOrDefault(f, ConflictPolicy.Ask));
    }

    public async Task<Result<bool>> SetPolicyAsync(ImportField field, ConflictPolicy policy, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.Set<SyncFieldPolicy>().SingleOrDefaultAsync(p => p.PracticeId == user.PracticeId && p.Field == field, cancellationToken);
        if (row is null)
        {
            db.Add(new SyncFieldPolicy { PracticeId = user.PracticeId, Field = field, Policy = policy });
        }
        else
        {
            row.Policy = policy;
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private async Task<Result<int>> ResolveAsync(IReadOnlyCollection<int> conflictIds, ConflictResolution resolution, string? edited, CancellationToken cancellationToken)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            return new ManagersOnlyError();
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var ids = conflictIds.Distinct().ToList();
        var conflicts = await db.Set<SyncConflict>()
            .Where(c => ids.Contains(c.Id) && c.PracticeId == user.PracticeId && c.ResolvedAt == null)
            .ToListAsync(cancellationToken);
        if (conflicts.Count != ids.Count)
        {
            return new ConflictNotFoundError(ids.Except(conflicts.Select(c => c.Id)).First());
        }

        var clientIds = conflicts.Select(c => c.ClientId).Distinct().ToList();
        var clients = await db.Clients.Where(c => clientIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        foreach (var conflict in conflicts)
        {
            var client = clients[conflict.ClientId];
            var xpm = JsonSerializer.Deserialize(conflict.XpmValuesJson, PortalJson.Default.PortalClientValues)!;
            var before = PortalClientValues.From(client);
            if (resolution == ConflictResolution.TakeXpm)
            {
                SyncFields.WriteTo(client, xpm, conflict.Field);
            }
            else if (resolution == ConflictResolution.Edited)
            {
                var typed = Typed(conflict.Field, edited, before);
                if (!typed.Succeeded)
                {
                    return typed.Error!;
                }

                SyncFields.WriteTo(client, typed.Value!, conflict.Field);
            }

            var after = PortalClientValues.From(client);
            if (client.XpmLink is { } link)
            {
                link.LastSyncedValues = SyncBase.Parse(link.LastSyncedValues).Agree(xpm, conflict.Field).ToJson();
                var pending = SyncFields.Parse(link.PendingSyncFields).ToHashSet();
                if (SyncFields.Same(after, xpm, conflict.Field))
                {
                    pending.Remove(conflict.Field);
                }
                else
                {
                    pending.Add(conflict.Field);
                }

                link.PendingSyncFields = SyncFields.Format(pending);
            }

            if (!SyncFields.Same(before, after, conflict.Field))
            {
                client.UpdatedAt = now;
                db.AuditEntries.Add(new AuditEntry
                {
                    PracticeId = user.PracticeId,
                    RecordType = "Client",
                    RecordId = client.Id,
                    Field = conflict.Field.ToString(),
                    OldValue = SyncFields.Display(before, conflict.Field),
                    NewValue = SyncFields.Display(after, conflict.Field),
                    Source = resolution == ConflictResolution.TakeXpm ? AuditSource.XpmImport : AuditSource.PortalEdit,
                    ChangedBy = user.Email ?? user.Name,
                    ChangedAt = now,
                });
            }

            (conflict.ResolvedAt, conflict.Resolution, conflict.ResolvedBy) = (now, resolution, user.Email ?? user.Name);
        }

        await db.SaveChangesAsync(cancellationToken);
        return conflicts.Count;
    }

    /// <summary>A typed value for one field: text trimmed (blank clears it), a date as yyyy-MM-dd; addresses are edited on the client page.</summary>
    private static Result<PortalClientValues> Typed(ImportField field, string? value, PortalClientValues current)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        return field switch
        {
            ImportField.Name when text is null => new ConflictValueInvalidError("A client needs a name."),
            ImportField.Name => current with { Name = text },
            ImportField.FirstName => current with { FirstName = text },
            ImportField.LastName => current with { LastName = text },
            ImportField.Email => current with { Email = text },
            ImportField.Phone => current with { Phone = text },
            ImportField.Mobile => current with { Mobile = text },
            ImportField.BusinessStructure => current with { BusinessStructure = text },
            ImportField.DateOfBirth when text is null => current with { DateOfBirth = null },
            ImportField.DateOfBirth when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => current with { DateOfBirth = date },
            ImportField.DateOfBirth => new ConflictValueInvalidError("Enter the date of birth as yyyy-MM-dd."),
            _ => new ConflictValueInvalidError("Edit addresses on the client's page, then choose Keep portal."),
        };
    }
}
