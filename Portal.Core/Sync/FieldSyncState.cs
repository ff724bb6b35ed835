namespace Portal.Core.Sync;

/// <summary>Where one field of a linked client stands after a three-way compare (<see cref="ThreeWayCompare"/>).</summary>
public enum FieldSyncState
{
    /// <summary>Both sides hold the same value (or XPM's blank is kept): nothing to do.</summary>
    Unchanged,

    /// <summary>Changed only in XPM (or XPM wins a conflict by policy): the portal takes XPM's value.</summary>
    TakeXpm,

    /// <summary>Changed only in the portal (or the portal wins a conflict by policy): waiting to be synced to XPM.</summary>
    PendingSync,

    /// <summary>Changed differently on both sides and the field's policy is "ask": a manager decides; nothing is overwritten.</summary>
    Conflict,
}
