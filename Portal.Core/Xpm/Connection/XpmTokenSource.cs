using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Data;

namespace Portal.Core.Xpm.Connection;

/// <summary>
/// Hands the XPM client a live access token for the connected practice, refreshing it ahead of expiry.
/// Xero's refresh tokens are single-use (each refresh rotates them), so at most one refresh runs at a time:
/// callers that waited behind a refresh take the token it produced instead of spending the new refresh token.
/// </summary>
public sealed class XpmTokenSource(
    IDbContextFactory<PortalDbContext> contextFactory,
    XeroIdentityClient identity,
    XpmTokenProtector protector,
    TimeProvider time,
    ILogger<XpmTokenSource> logger) : IXpmTokenSource
{
    /// <summary>Refresh this long before expiry, so a long list call never starts with a dying token.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly SemaphoreSlim _refreshLock = new(1, 1);

    public async Task<Result<XpmAccessToken>> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await using (var db = await contextFactory.CreateDbContextAsync(cancellationToken))
        {
            var connection = await db.Set<XpmConnection>().AsNoTracking().OrderBy(c => c.PracticeId).FirstOrDefaultAsync(cancellationToken);
            if (connection is null)
            {
                return new XpmNotConnectedError();
            }

            if (connection.Status == XpmConnectionStatus.NeedsReconnecting)
            {
                return new XpmNeedsReconnectingError(connection.StatusReason ?? "Xero refused to renew access.");
            }

            if (connection.AccessTokenExpiresAt > Now + RefreshAhead && protector.TryUnprotect(connection.ProtectedAccessToken) is { } accessToken)
            {
                return new XpmAccessToken(accessToken, connection.TenantId);
            }
        }

        return await RefreshAsync(rejectedAccessToken: null, cancellationToken);
    }

    public Task<Result<XpmAccessToken>> RefreshAfterUnauthorizedAsync(string rejectedAccessToken, CancellationToken cancellationToken) =>
        RefreshAsync(rejectedAccessToken, cancellationToken);

    public async Task ReportRefusedAsync(string rejectedAccessToken, string reason, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            var connection = await db.Set<XpmConnection>().OrderBy(c => c.PracticeId).FirstOrDefaultAsync(cancellationToken);
            // Only the token XPM refused: a reconnect that replaced it since must not be undone.
            if (connection is { Status: XpmConnectionStatus.Connected } && protector.TryUnprotect(connection.ProtectedAccessToken) == rejectedAccessToken)
            {
                connection.Status = XpmConnectionStatus.NeedsReconnecting;
                connection.StatusReason = "Xero Practice Manager no longer accepts the portal's access (it may have been revoked in Xero). A staff member must reconnect.";
                await db.SaveChangesAsync(CancellationToken.None);
                logger.LogWarning("XPM connection needs reconnecting: XPM refused the access token ({Reason})", reason);
            }
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    /// <summary>The access token as another portal instance last stored it, or why there is none to use.</summary>
    private async Task<Result<XpmAccessToken>> StoredAccessTokenAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<XpmConnection>().AsNoTracking().OrderBy(c => c.PracticeId).FirstOrDefaultAsync(cancellationToken);
        return connection switch
        {
            null => new XpmNotConnectedError(),
            { Status: XpmConnectionStatus.NeedsReconnecting } => new XpmNeedsReconnectingError(connection.StatusReason ?? "Xero refused to renew access."),
            _ when protector.TryUnprotect(connection.ProtectedAccessToken) is { } accessToken => new XpmAccessToken(accessToken, connection.TenantId),
            _ => new XpmNeedsReconnectingError(XpmTokenProtector.UnreadableReason),
        };
    }

    private async Task<Result<XpmAccessToken>> RefreshAsync(string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        await _refreshLock.WaitAsync(cancellationToken);
        try
        {
            await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
            if (!db.Database.IsNpgsql())
            {
                // SQLite is one machine: the process lock above, and the concurrency token for a second process, suffice.
                return await RefreshLockedAsync(db, rejectedAccessToken, cancellationToken);
            }

            // Several nodes on PostgreSQL: the connection row's lock makes the refresh single-flight across nodes. A node
            // that waited here reads the tokens the first one stored (still fresh) and uses them, never spending the
            // rotated refresh token a second time.
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "XpmConnection" FOR UPDATE""", cancellationToken);
            var result = await RefreshLockedAsync(db, rejectedAccessToken, cancellationToken);
            await transaction.CommitAsync(CancellationToken.None);
            return result;
        }
        finally
        {
            _refreshLock.Release();
        }
    }

    private async Task<Result<XpmAccessToken>> RefreshLockedAsync(PortalDbContext db, string? rejectedAccessToken, CancellationToken cancellationToken)
    {
        var connection = await db.Set<XpmConnection>().OrderBy(c => c.PracticeId).FirstOrDefaultAsync(cancellationToken);
        if (connection is null)
        {
            return new XpmNotConnectedError();
        }

        if (connection.Status == XpmConnectionStatus.NeedsReconnecting)
        {
            return new XpmNeedsReconnectingError(connection.StatusReason ?? "Xero refused to renew access.");
        }

        var current = protector.TryUnprotect(connection.ProtectedAccessToken);
        var refreshToken = protector.TryUnprotect(connection.ProtectedRefreshToken);
        if (current is null || refreshToken is null)
        {
            connection.Status = XpmConnectionStatus.NeedsReconnecting;
            connection.StatusReason = XpmTokenProtector.UnreadableReason;
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogWarning("XPM connection needs reconnecting: its stored tokens cannot be decrypted");
            return new XpmNeedsReconnectingError(connection.StatusReason);
        }

        var stillFresh = connection.AccessTokenExpiresAt > Now + RefreshAhead;
        if (stillFresh && (rejectedAccessToken is null || rejectedAccessToken != current))
        {
            // Someone refreshed while this caller waited.
            return new XpmAccessToken(current, connection.TenantId);
        }

        var tokens = await identity.RefreshAsync(refreshToken, cancellationToken);
        if (tokens.Error is XpmRefreshRefusedError refused)
        {
            connection.Status = XpmConnectionStatus.NeedsReconnecting;
            connection.StatusReason = "Xero no longer accepts the portal's access (the refresh token was refused). A staff member must reconnect.";
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Another portal instance stored a newer refresh token meanwhile: ours was refused because it was old.
                return await StoredAccessTokenAsync(cancellationToken);
            }

            logger.LogWarning("XPM connection needs reconnecting: {Reason}", refused.Message);
            return new XpmNeedsReconnectingError(connection.StatusReason);
        }

        if (!tokens.Succeeded)
        {
            return tokens.Error!;
        }

        connection.ProtectedAccessToken = protector.Protect(tokens.Value!.AccessToken);
        connection.ProtectedRefreshToken = protector.Protect(tokens.Value.RefreshToken);
        connection.AccessTokenExpiresAt = Now.AddSeconds(tokens.Value.ExpiresIn);
        connection.LastRefreshedAt = Now;
        // The new refresh token must be kept even if the caller gives up now: the old one is spent.
        try
        {
            await db.SaveChangesAsync(CancellationToken.None);
            logger.LogInformation("XPM access token refreshed");
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another portal instance (this lock is per process) refreshed with the same refresh token and stored its
            // reply first. Xero answers the second use of a refresh token within its grace period with the same new
            // pair, so what is stored is what we hold: keep it, and use our copy of the access token.
            logger.LogInformation("XPM access token refreshed by another portal instance at the same time; keeping the tokens it stored");
        }

        return new XpmAccessToken(tokens.Value.AccessToken, connection.TenantId);
    }
}
