namespace Portal.Core.Identity;

/// <summary>Role names, as they appear in role claims (Entra ID app roles use the same values).</summary>
public static class PortalRoles
{
    public const string Staff = "Staff";
    public const string Manager = "Manager";
    public const string Client = "Client";
}
