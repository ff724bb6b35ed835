namespace Portal.Core.Xpm.Connection;

public enum XpmConnectionStatus
{
    Connected,

    /// <summary>The refresh token was refused (invalid_grant): only a person can reconnect.</summary>
    NeedsReconnecting,
}
