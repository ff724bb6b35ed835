namespace Portal.Core.Xpm.Connection;

/// <summary>The practice's connection to one XPM tenant. Tokens are stored encrypted (Data Protection), never in clear.</summary>
public sealed class XpmConnection
{
    public int Id { get; set; }
    public int PracticeId { get; set; }
    public required string TenantId { get; set; }
    public required string TenantName { get; set; }

    /// <summary>Xero's id for the app's connection to the tenant (for DELETE /connections/{id}).</summary>
    public string? ConnectionId { get; set; }

    public required string ConnectedBy { get; set; }
    public DateTime ConnectedAt { get; set; }
    public required string Scopes { get; set; }
    public required string ProtectedAccessToken { get; set; }
    public required string ProtectedRefreshToken { get; set; }
    public DateTime AccessTokenExpiresAt { get; set; }
    public DateTime? LastRefreshedAt { get; set; }
    public XpmConnectionStatus Status { get; set; }

    /// <summary>Why the connection needs reconnecting, in words for the banner.</summary>
    public string? StatusReason { get; set; }
}
