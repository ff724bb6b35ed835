namespace Portal.Core.Identity;

public static class PortalPolicies
{
    /// <summary>The practice's own pages: Staff and Manager.</summary>
    public const string StaffArea = nameof(StaffArea);

    /// <summary>Review and disconnecting: Manager only.</summary>
    public const string ManagerOnly = nameof(ManagerOnly);

    /// <summary>The client portal: a signed-in client, never staff.</summary>
    public const string ClientArea = nameof(ClientArea);
}
