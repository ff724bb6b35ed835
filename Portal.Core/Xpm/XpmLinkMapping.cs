using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Portal.Core.Xpm;

internal static class XpmLinkMapping
{
    /// <summary>Maps a record's optional <see cref="XpmLink"/> to a table of its own, one XPM UUID per record.</summary>
    public static void MapXpmLink<TOwner>(this OwnedNavigationBuilder<TOwner, XpmLink> link, string table)
        where TOwner : class
    {
        link.ToTable(table);
        link.HasIndex(l => l.XpmUuid).IsUnique();
        link.Property(l => l.WebUrl).HasMaxLength(500);
        link.Property(l => l.PendingSyncFields).HasMaxLength(500);
        link.Property(l => l.SyncError).HasMaxLength(1000);
        link.Property(l => l.MatchReason).HasMaxLength(500);
        link.Property(l => l.ConfirmedBy).HasMaxLength(320);
        // The Linked clients review filters by these at 20,000 clients.
        link.HasIndex(l => l.IsNew);
        link.HasIndex(l => l.LinkedByRunId);
        link.HasIndex(l => l.UpdatedByRunId);
        link.HasIndex(l => l.LastSyncedAt);
    }
}
