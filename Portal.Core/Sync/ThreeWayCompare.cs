using Portal.Core.Import.Plan;

namespace Portal.Core.Sync;

/// <summary>
/// The three-way compare of one field of a linked client. Pure. base = the link's last-synced value, mine = the
/// portal's value, theirs = XPM's value:
/// <list type="bullet">
/// <item>mine = theirs → <see cref="FieldSyncState.Unchanged"/> (they agree; the base moves to that value);</item>
/// <item>only theirs changed → <see cref="FieldSyncState.TakeXpm"/> (a value cleared in XPM is cleared here too);</item>
/// <item>only mine changed → <see cref="FieldSyncState.PendingSync"/>: a re-import never overwrites it;</item>
/// <item>both changed, differently → the field's policy: <see cref="ConflictPolicy.XpmWins"/> takes XPM's,
/// <see cref="ConflictPolicy.PortalWins"/> keeps the portal's (pending sync), <see cref="ConflictPolicy.Ask"/> is a
/// <see cref="FieldSyncState.Conflict"/> and nothing is overwritten.</item>
/// </list>
/// A field with no base (never agreed) follows the first import's rule unless the portal marked it pending: XPM's value
/// is taken, but a blank in XPM keeps the portal's. A pending field with no base that differs from XPM counts as changed
/// on both sides.
/// </summary>
public static class ThreeWayCompare
{
    public static FieldDecision Compare(
        ImportField field,
        SyncBase @base,
        PortalClientValues mine,
        PortalClientValues theirs,
        bool markedPending,
        ConflictPolicy policy)
    {
        var hasBase = @base.Knows(field);
        var b = hasBase ? SyncFields.Key(@base.Values, field) : null;
        var m = SyncFields.Key(mine, field);
        var t = SyncFields.Key(theirs, field);
        var state = Decide(hasBase, b, m, t, markedPending, policy);
        return new FieldDecision(
            field,
            state,
            hasBase ? SyncFields.Display(@base.Values, field) : null,
            SyncFields.Display(mine, field),
            SyncFields.Display(theirs, field),
            hasBase);
    }

    /// <summary>Every field of <paramref name="fields"/>, with each field's policy (<see cref="ConflictPolicy.Ask"/> when none is set).</summary>
    public static IReadOnlyList<FieldDecision> CompareAll(
        IEnumerable<ImportField> fields,
        SyncBase @base,
        PortalClientValues mine,
        PortalClientValues theirs,
        IReadOnlySet<ImportField> pending,
        IReadOnlyDictionary<ImportField, ConflictPolicy> policies) =>
        fields.Select(f => Compare(f, @base, mine, theirs, pending.Contains(f), policies.GetValueOrDefault(f, ConflictPolicy.Ask))).ToList();

    private static FieldSyncState Decide(bool hasBase, string? b, string? m, string? t, bool markedPending, ConflictPolicy policy)
    {
        if (m == t)
        {
            return FieldSyncState.Unchanged;
        }

        if (!hasBase)
        {
            if (markedPending)
            {
                return Both(policy);
            }

            return t is null ? FieldSyncState.Unchanged : FieldSyncState.TakeXpm;
        }

        var mineChanged = m != b;
        var theirsChanged = t != b;
        return (mineChanged, theirsChanged) switch
        {
            (false, true) => FieldSyncState.TakeXpm,
            (true, false) => FieldSyncState.PendingSync,
            _ => Both(policy),
        };
    }

    private static FieldSyncState Both(ConflictPolicy policy) => policy switch
    {
        ConflictPolicy.XpmWins => FieldSyncState.TakeXpm,
        ConflictPolicy.PortalWins => FieldSyncState.PendingSync,
        _ => FieldSyncState.Conflict,
    };
}
