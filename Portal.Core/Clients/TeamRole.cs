namespace Portal.Core.Clients;

/// <summary>XPM's AccountManager is the "Partner" in its UI; JobManager is the "Manager".</summary>
public enum TeamRole
{
    AccountManager,
    JobManager,
}
