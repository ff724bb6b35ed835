namespace Portal.Core.Xpm.Connection;

/// <summary>What the Manage page shows about the connection (never the tokens).</summary>
public sealed record XpmConnectionView(
    XpmConnectionStatus Status,
    string TenantName,
    string ConnectedBy,
    DateTime ConnectedAt,
    DateTime AccessTokenExpiresAt,
    DateTime? LastRefreshedAt,
    string Scopes,
    string? StatusReason);
