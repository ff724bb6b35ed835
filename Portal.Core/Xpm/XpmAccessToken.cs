namespace Portal.Core.Xpm;

/// <summary>A bearer token and the XPM tenant (practice) it is for. Never log either.</summary>
public sealed record XpmAccessToken(string AccessToken, string TenantId)
{
    // Keeps the token out of logs and exception messages that print the record.
    public override string ToString() => $"XpmAccessToken {{ TenantId = {TenantId} }}";
}
