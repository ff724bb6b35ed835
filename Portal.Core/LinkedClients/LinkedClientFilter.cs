namespace Portal.Core.LinkedClients;

/// <summary>The Linked clients review's filters; each is one indexed condition.</summary>
public enum LinkedClientFilter
{
    AllLinked,
    NewSinceReview,
    LinkedByLastImport,
    UpdatedByLastImport,
    PendingSync,
    Conflicts,
    ArchivedInXpm,
    NotLinked,
    LastSyncedBefore,
}
