namespace Portal.Core.Identity;

public enum StaffRole
{
    Staff,
    Manager,
}
