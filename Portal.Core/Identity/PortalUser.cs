namespace Portal.Core.Identity;

/// <summary>Who is signed in, as the portal knows them.</summary>
public sealed record PortalUser(
    string Name,
    string? Email,
    string Role,
    int PracticeId,
    int? StaffMemberId,
    int? ClientId)
{
    /// <summary>
    /// What the portal's records said about this user at sign-in (client: id, email, not archived; staff member: id,
    /// email, portal role). <see cref="PortalUserDirectory.IsCurrentAsync"/> compares it with the records as they are now.
    /// </summary>
    public string? SecurityStamp { get; init; }

    public bool IsManager => Role == PortalRoles.Manager;
    public bool IsStaff => Role is PortalRoles.Staff or PortalRoles.Manager;
}
