using Portal.Core.Common;

namespace Portal.Core.Xpm;

/// <summary>
/// Where <see cref="XpmClient"/> gets its bearer token and tenant id. Implemented by the XPM connection feature
/// (OAuth code flow, token storage and rotation); refreshes must be serialised there, since Xero's refresh
/// tokens are single-use.
/// </summary>
public interface IXpmTokenSource
{
    Task<Result<XpmAccessToken>> GetAccessTokenAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Called once when XPM answered 401 <c>TokenExpired</c> to <paramref name="rejectedAccessToken"/>: return a
    /// fresh token (or the one another caller already refreshed to), or an error if the connection is gone.
    /// </summary>
    Task<Result<XpmAccessToken>> RefreshAfterUnauthorizedAsync(string rejectedAccessToken, CancellationToken cancellationToken);

    /// <summary>
    /// Called when XPM refused <paramref name="rejectedAccessToken"/> for good (401 other than an expiry, e.g. access
    /// revoked in Xero): the connection needs reconnecting, so staff see it and may reconnect.
    /// </summary>
    Task ReportRefusedAsync(string rejectedAccessToken, string reason, CancellationToken cancellationToken);
}
