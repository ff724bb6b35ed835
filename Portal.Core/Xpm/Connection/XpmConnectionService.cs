using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Portal.Core.Common;
using Portal.Core.Data;
using Portal.Core.Identity;

namespace Portal.Core.Xpm.Connection;

/// <summary>"Connect to Xero Practice Manager": OAuth2 authorization code with PKCE and state, the practice choice, and disconnecting.</summary>
public sealed class XpmConnectionService(
    IDbContextFactory<PortalDbContext> contextFactory,
    ICurrentUser currentUser,
    XeroIdentityClient identity,
    XpmEndpoints endpoints,
    XpmTokenProtector protector,
    IXpmClient xpm,
    TimeProvider time,
    ILogger<XpmConnectionService> logger)
{
    /// <summary>How long a started connection may wait for Xero's callback.</summary>
    private static readonly TimeSpan AttemptLifetime = TimeSpan.FromMinutes(15);

    public async Task<XpmConnectionView?> GetAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<XpmConnection>().FirstOrDefaultAsync(c => c.PracticeId == user.PracticeId, cancellationToken);
        if (connection is null)
        {
            return null;
        }

        // Keys lost on a redeploy leave tokens nobody can read: say so now, not at the next import.
        if (connection.Status == XpmConnectionStatus.Connected && protector.TryUnprotect(connection.ProtectedRefreshToken) is null)
        {
            connection.Status = XpmConnectionStatus.NeedsReconnecting;
            connection.StatusReason = XpmTokenProtector.UnreadableReason;
            await db.SaveChangesAsync(cancellationToken);
            logger.LogWarning("XPM connection needs reconnecting: its stored tokens cannot be decrypted");
        }

        return new XpmConnectionView(connection.Status, connection.TenantName, connection.ConnectedBy, connection.ConnectedAt,
            connection.AccessTokenExpiresAt, connection.LastRefreshedAt, connection.Scopes, connection.StatusReason);
    }

    /// <summary>
    /// Proves the connection works by reading the practice's staff list (small, and needs the staff scope);
    /// returns how many staff XPM has. The reply also tells the portal its remaining API quota.
    /// </summary>
    public async Task<Result<int>> CheckAsync(CancellationToken cancellationToken = default)
    {
        var staff = await xpm.GetStaffAsync(cancellationToken);
        if (!staff.Succeeded)
        {
            return staff.Error!;
        }

        await using var stream = staff.Value!;
        try
        {
            var count = 0;
            await foreach (var _ in stream.WithCancellation(cancellationToken))
            {
                count++;
            }

            return count;
        }
        catch (XpmException exception)
        {
            return exception.Error;
        }
    }

    /// <summary>
    /// Starts a connection: records the attempt and returns Xero's authorize URL to send the browser to.
    /// Reconnecting revokes the current grant first, so no replaced grant stays alive at Xero; while a connection
    /// works, only a manager may replace it.
    /// </summary>
    public async Task<Result<Uri>> BeginAsync(string redirectUri, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        var verifier = Pkce.NewVerifier();
        var state = Pkce.NewState();
        var now = time.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Set<XpmConnection>().FirstOrDefaultAsync(c => c.PracticeId == user.PracticeId, cancellationToken);
        if (existing is { Status: XpmConnectionStatus.Connected })
        {
            if (!user.IsManager)
            {
                return new XpmReconnectNeedsManagerError(existing.TenantName);
            }

            await RevokeAsync(existing, cancellationToken);
            existing.Status = XpmConnectionStatus.NeedsReconnecting;
            existing.StatusReason = $"{user.Email ?? user.Name} started reconnecting, which revoked the previous access. Finish signing in to Xero to connect again.";
        }

        await db.Set<XpmAuthorization>().Where(a => a.StartedAt < now - AttemptLifetime).ExecuteDeleteAsync(cancellationToken);
        db.Add(new XpmAuthorization
        {
            PracticeId = user.PracticeId,
            State = state,
            ProtectedCodeVerifier = protector.Protect(verifier),
            RedirectUri = redirectUri,
            StartedBy = user.Email ?? user.Name,
            StartedAt = now,
        });
        await db.SaveChangesAsync(cancellationToken);

        var query = new Dictionary<string, string?>
        {
            ["response_type"] = "code",
            ["client_id"] = endpoints.ClientId,
            ["redirect_uri"] = redirectUri,
            ["scope"] = endpoints.Scopes,
            ["state"] = state,
            ["code_challenge"] = Pkce.ChallengeFor(verifier),
            ["code_challenge_method"] = "S256",
        };
        return new Uri(QueryHelpers.AddQueryString(endpoints.AuthorizeUrl.AbsoluteUri, query));
    }

    /// <summary>Xero's callback: exchanges the code, lists the tenants, and connects or asks which practice.</summary>
    public async Task<Result<XpmConnectOutcome>> CompleteAsync(string? state, string? code, string? error, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await FindAttemptAsync(db, user, state, cancellationToken);
        if (attempt is null)
        {
            return new XpmAuthorizationExpiredError();
        }

        if (!string.IsNullOrEmpty(error) || string.IsNullOrEmpty(code))
        {
            db.Remove(attempt);
            await db.SaveChangesAsync(cancellationToken);
            return new XpmAuthorizationDeniedError(error == "access_denied" ? "access was not allowed." : error ?? "no authorization code was returned.");
        }

        var tokens = await identity.ExchangeCodeAsync(code, attempt.RedirectUri, protector.Unprotect(attempt.ProtectedCodeVerifier), cancellationToken);
        if (!tokens.Succeeded)
        {
            db.Remove(attempt);
            await db.SaveChangesAsync(cancellationToken);
            return tokens.Error is XpmRefreshRefusedError ? new XpmCodeRefusedError() : tokens.Error!;
        }

        var connections = await identity.GetConnectionsAsync(tokens.Value!.AccessToken, cancellationToken);
        if (!connections.Succeeded)
        {
            return connections.Error!;
        }

        var practices = connections.Value!.Where(t => t.IsPracticeManager).ToList();
        switch (practices.Count)
        {
            case 0:
                db.Remove(attempt);
                await db.SaveChangesAsync(cancellationToken);
                return new XpmNoPracticeError();
            case 1:
                var saved = await SaveConnectionAsync(db, user, attempt, tokens.Value, practices[0], cancellationToken);
                if (!saved.Succeeded)
                {
                    return saved.Error!;
                }

                return XpmConnectOutcome.Done;
            default:
                attempt.ProtectedTokens = protector.Protect(JsonSerializer.Serialize(tokens.Value));
                attempt.TenantsJson = JsonSerializer.Serialize(practices);
                await db.SaveChangesAsync(cancellationToken);
                return XpmConnectOutcome.Choose(attempt.State, practices);
        }
    }

    /// <summary>The practices offered by a callback that found several.</summary>
    public async Task<Result<IReadOnlyList<XeroTenant>>> GetPracticeChoiceAsync(string? state, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await FindAttemptAsync(db, user, state, cancellationToken);
        return attempt?.TenantsJson is { } json
            ? JsonSerializer.Deserialize<List<XeroTenant>>(json)!
            : new XpmAuthorizationExpiredError();
    }

    public async Task<Result<bool>> ChoosePracticeAsync(string? state, string tenantId, CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var attempt = await FindAttemptAsync(db, user, state, cancellationToken);
        if (attempt?.TenantsJson is null || attempt.ProtectedTokens is null)
        {
            return new XpmAuthorizationExpiredError();
        }

        var tenant = JsonSerializer.Deserialize<List<XeroTenant>>(attempt.TenantsJson)!.FirstOrDefault(t => t.TenantId == tenantId);
        if (tenant is null)
        {
            return new XpmAuthorizationExpiredError();
        }

        var tokens = JsonSerializer.Deserialize<XeroTokenSet>(protector.Unprotect(attempt.ProtectedTokens))!;
        return await SaveConnectionAsync(db, user, attempt, tokens, tenant, cancellationToken);
    }

    /// <summary>
    /// Revokes Xero's tokens and forgets them. The portal's imported data stays. Tokens that can no longer be read
    /// (or a Xero that cannot be reached) are forgotten all the same, and the outcome says revocation was skipped.
    /// </summary>
    public async Task<Result<XpmDisconnected>> DisconnectAsync(CancellationToken cancellationToken = default)
    {
        var user = await currentUser.GetAsync(cancellationToken);
        if (!user.IsManager)
        {
            throw new InvalidOperationException("Only a manager can disconnect XPM.");
        }

        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var connection = await db.Set<XpmConnection>().FirstOrDefaultAsync(c => c.PracticeId == user.PracticeId, cancellationToken);
        if (connection is null)
        {
            return new XpmNotConnectedError();
        }

        // Forget the tokens whatever revocation says: the user asked to disconnect, and unused refresh tokens expire in 60 days.
        var skipped = await RevokeAsync(connection, cancellationToken);
        db.Remove(connection);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("XPM disconnected by user {UserId}", user.StaffMemberId);
        return new XpmDisconnected(skipped);
    }

    /// <summary>Revokes the connection's grant at Xero; returns why revocation was skipped, or null when it was done.</summary>
    private async Task<string?> RevokeAsync(XpmConnection connection, CancellationToken cancellationToken)
    {
        if (protector.TryUnprotect(connection.ProtectedRefreshToken) is not { } refreshToken)
        {
            logger.LogWarning("XPM revocation skipped: the stored refresh token cannot be decrypted");
            return "the stored tokens can no longer be read (Data Protection keys changed)";
        }

        var revoked = await identity.RevokeAsync(refreshToken, cancellationToken);
        if (revoked.Succeeded)
        {
            return null;
        }

        logger.LogWarning("XPM revocation failed: {Reason}", revoked.Error!.Message);
        return revoked.Error.Message;
    }

    private async Task<XpmAuthorization?> FindAttemptAsync(PortalDbContext db, PortalUser user, string? state, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(state))
        {
            return null;
        }

        var oldest = time.GetUtcNow().UtcDateTime - AttemptLifetime;
        return await db.Set<XpmAuthorization>()
            .FirstOrDefaultAsync(a => a.State == state && a.PracticeId == user.PracticeId && a.StartedAt >= oldest, cancellationToken);
    }

    private async Task<Result<bool>> SaveConnectionAsync(
        PortalDbContext db, PortalUser user, XpmAuthorization attempt, XeroTokenSet tokens, XeroTenant tenant, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var connection = await db.Set<XpmConnection>().FirstOrDefaultAsync(c => c.PracticeId == attempt.PracticeId, cancellationToken);
        if (connection is not null && connection.TenantId != tenant.TenantId && !user.IsManager)
        {
            // The new grant must not outlive the refusal.
            var revoked = await identity.RevokeAsync(tokens.RefreshToken, cancellationToken);
            if (!revoked.Succeeded)
            {
                logger.LogWarning("Revoking a refused practice change failed: {Reason}", revoked.Error!.Message);
            }

            db.Remove(attempt);
            await db.SaveChangesAsync(cancellationToken);
            return new XpmChangePracticeNeedsManagerError(connection.TenantName, tenant.TenantName ?? tenant.TenantId);
        }

        if (connection is null)
        {
            connection = new XpmConnection
            {
                PracticeId = attempt.PracticeId,
                TenantId = tenant.TenantId,
                TenantName = tenant.TenantName ?? tenant.TenantId,
                ConnectedBy = attempt.StartedBy,
                Scopes = tokens.Scope ?? endpoints.Scopes,
                ProtectedAccessToken = "",
                ProtectedRefreshToken = "",
            };
            db.Add(connection);
        }

        connection.TenantId = tenant.TenantId;
        connection.TenantName = tenant.TenantName ?? tenant.TenantId;
        connection.ConnectionId = tenant.ConnectionId;
        connection.ConnectedBy = attempt.StartedBy;
        connection.ConnectedAt = now;
        connection.Scopes = tokens.Scope ?? endpoints.Scopes;
        connection.ProtectedAccessToken = protector.Protect(tokens.AccessToken);
        connection.ProtectedRefreshToken = protector.Protect(tokens.RefreshToken);
        connection.AccessTokenExpiresAt = now.AddSeconds(tokens.ExpiresIn);
        connection.LastRefreshedAt = null;
        connection.Status = XpmConnectionStatus.Connected;
        connection.StatusReason = null;
        db.Remove(attempt);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Connected to XPM practice {TenantName}", connection.TenantName);
        return true;
    }
}
