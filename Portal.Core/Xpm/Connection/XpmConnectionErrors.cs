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

public sealed record XpmNoPracticeError()
    : Error("The Xero account you signed in with has no Xero Practice Manager practice connected to this app.");

public sealed record XpmIdentityError(string Reason)
    : Error($"Xero sign-in failed: {Reason}");

/// <summary>invalid_grant: the refresh token is spent or revoked; only reconnecting helps.</summary>
public sealed record XpmRefreshRefusedError(string Reason)
    : Error($"Xero refused to renew access ({Reason}).");
