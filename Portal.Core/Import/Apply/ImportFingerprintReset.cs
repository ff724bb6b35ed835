using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Portal.Core.Clients;
using Portal.Core.Xpm;

namespace Portal.Core.Import.Apply;

/// <summary>
/// Clears a client's <see cref="XpmLink.ImportFingerprint"/> whenever anything saves a change to the client, its link or
/// its team: from then on the next import plans the record again rather than skipping it as unchanged. One place for
/// every writer (a portal edit, a sync to XPM, a conflict resolved, an undo, the archive pass), including ones not
/// written yet. The import's own record writes go through <see cref="ApplyWriter"/>, not <c>SaveChanges</c>, and set it.
/// </summary>
internal sealed class ImportFingerprintReset : SaveChangesInterceptor
{
    public static readonly ImportFingerprintReset Instance = new();

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Reset(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Reset(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Reset(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        // Entries() detects changes first (unless the context turned that off), so edits made to tracked objects count.
        var tracker = context.ChangeTracker;
        var changedClients = new HashSet<int>();
        foreach (var entry in tracker.Entries())
        {
            switch (entry.Entity)
            {
                case Client when entry.State == EntityState.Modified:
                    changedClients.Add((int)entry.Property(nameof(Client.Id)).CurrentValue!);
                    break;
                case XpmLink when entry.State == EntityState.Modified && !entry.Property(nameof(XpmLink.ImportFingerprint)).IsModified:
                    entry.Property(nameof(XpmLink.ImportFingerprint)).CurrentValue = null;
                    break;
                case TeamMember team when entry.State is EntityState.Added or EntityState.Modified or EntityState.Deleted:
                    changedClients.Add(team.ClientId);
                    break;
            }
        }

        foreach (var client in tracker.Entries<Client>().Where(c => changedClients.Contains(c.Entity.Id)))
        {
            if (client.Reference(c => c.XpmLink).TargetEntry is { State: not EntityState.Deleted } link)
            {
                link.Property(l => l.ImportFingerprint).CurrentValue = null;
            }
        }
    }
}
