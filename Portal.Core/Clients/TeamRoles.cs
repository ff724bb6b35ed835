namespace Portal.Core.Clients;

public static class TeamRoles
{
    public static string Label(TeamRole role) => role switch
    {
        TeamRole.AccountManager => "Account manager",
        TeamRole.JobManager => "Job manager",
        _ => role.ToString(),
    };
}
