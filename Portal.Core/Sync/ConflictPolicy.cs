namespace Portal.Core.Sync;

/// <summary>What happens when a field was changed differently in XPM and in the portal since they last agreed.</summary>
public enum ConflictPolicy
{
    /// <summary>Send it to the Conflicts inbox; a manager decides. The default.</summary>
    Ask,

    /// <summary>XPM's value replaces the portal's.</summary>
    XpmWins,

    /// <summary>The portal's value is kept and waits to be synced to XPM.</summary>
    PortalWins,
}
