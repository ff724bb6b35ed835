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
    public bool IsManager => Role == PortalRoles.Manager;
    public bool IsStaff => Role is PortalRoles.Staff or PortalRoles.Manager;
}
