namespace Portal.Core.Sync;

/// <summary>How a manager resolved a conflict.</summary>
public enum ConflictResolution
{
    /// <summary>The portal's value stays and is synced to XPM.</summary>
    KeepPortal,

    /// <summary>XPM's value replaces the portal's.</summary>
    TakeXpm,

    /// <summary>A value typed by the manager replaces the portal's and is synced to XPM.</summary>
    Edited,
}
