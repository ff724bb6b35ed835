namespace Portal.Core.Clients;

/// <summary>Everything the client page and the client portal show about one client.</summary>
public sealed record ClientDetails(
    int Id,
    ClientKind Kind,
    string Name,
    string? FirstName,
    string? LastName,
    string? BusinessStructure,
    DateOnly? DateOfBirth,
    string? Email,
    string? Phone,
    string? Mobile,
    Address PhysicalAddress,
    Address PostalAddress,
    bool IsArchived,
    DateTime CreatedAt,
    XpmLinkDetails? XpmLink,
    IReadOnlyList<TeamMemberDetails> Team,
    IReadOnlyList<RelationshipDetails> Relationships);

public sealed record XpmLinkDetails(Guid XpmUuid, string? WebUrl, DateTime LinkedAt, DateTime? LastSyncedAt)
{
    /// <summary>XPM has the client archived or deleted: the portal archived it too ("Archived in XPM").</summary>
    public bool IsArchivedInXpm { get; init; }

    /// <summary>The link's stored pending field names, as read; <see cref="PendingSync"/> is what to show.</summary>
    public string? PendingFields { get; init; }

    /// <summary>Fields changed in the portal and not yet synced to XPM (labels); empty when none.</summary>
    public IReadOnlyList<string> PendingSync { get; init; } = [];

    /// <summary>XPM's error from the last sync attempt, when it failed.</summary>
    public string? SyncError { get; init; }

    /// <summary><see cref="WebUrl"/> when it is safe to link to (<see cref="Portal.Core.Xpm.XpmWebUrl"/>); null: show it as text.</summary>
    public Uri? WebLink { get; init; }
}

public sealed record TeamMemberDetails(int StaffMemberId, string Name, TeamRole Role, string? Email, string? Phone);

/// <summary>A relationship seen from the client being shown: <see cref="OtherClientName"/> is the other side.</summary>
public sealed record RelationshipDetails(int OtherClientId, string OtherClientName, ClientKind OtherClientKind, string Type);
