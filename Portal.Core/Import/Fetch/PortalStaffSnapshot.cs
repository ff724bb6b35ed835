using Portal.Core.Staff;

namespace Portal.Core.Import.Fetch;

/// <summary>An existing portal staff member, for <see cref="StaffMatcher"/> and <see cref="RecordPlanner.PlanStaff"/>.</summary>
public sealed record PortalStaffSnapshot(int Id, Guid? LinkedXpmUuid, string Name, string? Email, string? Phone, string? Mobile)
{
    public static PortalStaffSnapshot From(StaffMember staff) =>
        new(staff.Id, staff.XpmLink?.XpmUuid, staff.Name, staff.Email, staff.Phone, staff.Mobile);
}
