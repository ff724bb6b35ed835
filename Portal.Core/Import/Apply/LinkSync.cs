using Portal.Core.Import.Plan;
using Portal.Core.Sync;
using Portal.Core.Xpm;

namespace Portal.Core.Import.Apply;

/// <summary>
/// After an import wrote a client: its link's last-synced values and pending fields. Every field on which the portal
/// and XPM now agree becomes the new base; other fields keep their base. Pending = fields the portal changed that XPM
/// does not have yet (a conflict is not pending: a manager decides it first).
/// </summary>
internal static class LinkSync
{
    /// <returns>Whether the link changed (a no-change re-import writes nothing).</returns>
    public static bool Update(XpmLink link, PortalClientValues portal, ImportPlan.ClientPlan plan, string? webUrl)
    {
        var xpm = PortalClientValues.From(plan.Xpm);
        var conflicts = plan.Entry.Conflicts.Select(c => c.Field).ToHashSet();
        var pending = SyncFields.Parse(link.PendingSyncFields)
            .Union(plan.Entry.Pending.Select(p => p.Field))
            .Where(f => !conflicts.Contains(f) && !SyncFields.Same(portal, xpm, f));
        // Serialized only when the base changes: a re-import with nothing changed keeps every link's JSON as it is.
        var stored = plan.Base ?? SyncBase.Parse(link.LastSyncedValues);
        var agreed = stored.AgreeWhereEqual(portal, xpm);
        var baseJson = ReferenceEquals(agreed, stored) && !ReferenceEquals(stored, SyncBase.None) ? link.LastSyncedValues : agreed.ToJson();
        var pendingText = SyncFields.Format(pending);
        var contact = plan.Xpm.OwnContactUuid;
        var changed = baseJson != link.LastSyncedValues || pendingText != link.PendingSyncFields || webUrl != link.WebUrl || contact != link.ContactUuid;
        link.ContactUuid = contact;
        link.LastSyncedValues = baseJson;
        link.PendingSyncFields = pendingText;
        link.WebUrl = webUrl;
        return changed;
    }
}
