using Portal.Core.Identity;

namespace Portal.Core.Staff;

public sealed record StaffSummary(int Id, string Name, string? Email, string? Phone, string? Mobile, StaffRole? PortalRole, bool IsLinked);
