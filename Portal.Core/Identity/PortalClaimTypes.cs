namespace Portal.Core.Identity;

public static class PortalClaimTypes
{
    public const string PracticeId = "portal:practice_id";
    public const string ClientId = "portal:client_id";
    public const string StaffMemberId = "portal:staff_member_id";
    public const string SecurityStamp = "portal:security_stamp";
}
