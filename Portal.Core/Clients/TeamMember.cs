using Portal.Core.Staff;

namespace Portal.Core.Clients;

/// <summary>A staff member on a client's team, in a role.</summary>
public sealed class TeamMember
{
    public int Id { get; set; }
    public int ClientId { get; set; }
    public Client? Client { get; set; }
    public int StaffMemberId { get; set; }
    public StaffMember? StaffMember { get; set; }
    public TeamRole Role { get; set; }
}
