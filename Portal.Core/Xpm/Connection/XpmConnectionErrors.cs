using Portal.Core.Common;

namespace Portal.Core.Xpm.Connection;

public sealed record XpmNotConnectedError()
    : Error("The portal is not connected to Xero Practice Manager. Connect it under Configure → Integrations → Xero Practice Manager.");

public sealed record XpmNeedsReconnectingError(string Reason)
    : Error($"The connection to Xero Practice Manager needs reconnecting: {Reason}");

public sealed record XpmAuthorizationDeniedError(string Reason)
    : Error($"Xero did not grant access: {Reason}");

public sealed record XpmAuthorizationExpiredError()
    : Error("That connection attempt has expired or was already used. Please click \"Connect to Xero Practice Manager\" again.");

/// <summary>
/// invalid_grant on the code exchange: the code was already used, expired, or was issued for another attempt (its PKCE
/// verifier does not match), as when someone else's code is pasted into the callback.
/// </summary>
public sealed record XpmCodeRefusedError()
    : Error("Xero refused the sign-in code: it was already used, has expired, or belongs to another connection attempt. Nothing was connected. Please click \"Connect to Xero Practice Manager\" again.");

public sealed record XpmNoPracticeError()
    : Error("The Xero account you signed in with has no Xero Practice Manager practice connected to this app.");

public sealed record XpmIdentityError(string Reason)
    : Error($"Xero sign-in failed: {Reason}");

/// <summary>invalid_grant: the refresh token is spent or revoked; only reconnecting helps.</summary>
public sealed record XpmRefreshRefusedError(string Reason)
    : Error($"Xero refused to renew access ({Reason}).");

/// <summary>Connecting while connected replaces the grant; only a manager may do that, or change the practice.</summary>
public sealed record XpmReconnectNeedsManagerError(string TenantName)
    : Error($"The portal is connected to {TenantName}. Only a manager can reconnect it or connect another practice.");

public sealed record XpmChangePracticeNeedsManagerError(string CurrentTenantName, string OtherTenantName)
    : Error($"The portal was connected to {CurrentTenantName}, not {OtherTenantName}. Only a manager can change the practice; nothing was changed and the new access was revoked.");
