using Portal.Core.Identity;
using Portal.Core.Xpm;

namespace Portal.Core.Staff;

/// <summary>A person of the practice. May sign in to the portal as Staff or Manager.</summary>
public sealed class StaffMember
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public required string Name { get; set; }
    public string? Email { get; set; }
    public string? Phone { get; set; }
    public string? Mobile { get; set; }

    /// <summary>The portal role this person signs in with; null when they do not use the portal.</summary>
    public StaffRole? PortalRole { get; set; }

    public DateTime CreatedAt { get; set; }
    public XpmLink? XpmLink { get; set; }
}
