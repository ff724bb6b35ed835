using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace Portal.XpmSandbox;

/// <summary>
/// The sandbox's identity server and connection list: one registered app (<see cref="XpmSandboxOptions.ClientId"/>),
/// one user, authorization codes, rotating refresh tokens with a replay grace period, access tokens and connections.
/// Tokens look like JWTs (<c>alg: none</c>, never signed: don't verify them) but are looked up, not decoded.
/// Thread-safe; all times come from the injected <see cref="TimeProvider"/>.
/// </summary>
public sealed class SandboxIdentity
{
    public const string UserId = "8d4f2a61-5c0b-4e7a-9b3d-1f6e2c9a7b40";
    public const string UserEmail = "sandbox.admin@harbourside.example";
    public const string UserName = "Sandbox Admin";

    private static readonly TimeSpan ExpiredTokenMemory = TimeSpan.FromDays(1);

    private readonly Lock _gate = new();
    private readonly XpmSandboxOptions _options;
    private readonly SandboxTenants _tenants;
    private readonly SandboxFaults _faults;
    private readonly TimeProvider _time;
    private readonly Dictionary<string, (SandboxAuthorizeRequest Request, DateTimeOffset Expires)> _pending = [];
    private readonly Dictionary<string, Code> _codes = [];
    private readonly Dictionary<string, Access> _accessTokens = [];
    private readonly Dictionary<string, RefreshGrant> _refreshTokens = [];
    private readonly List<SandboxConnection> _connections = [];
    private int _issuedSinceCleanup;

    public SandboxIdentity(IOptions<XpmSandboxOptions> options, SandboxTenants tenants, SandboxFaults faults, TimeProvider time)
    {
        _options = options.Value;
        _tenants = tenants;
        _faults = faults;
        _time = time;
    }

    public bool IsKnownClient(string? clientId) => clientId == _options.ClientId;

    public bool IsClientSecret(string? clientId, string? secret) =>
        IsKnownClient(clientId) && secret is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(_options.ClientSecret));

    /// <summary>
    /// Parks an authorize request while the consent page is shown; the id is the page's own state check. It expires
    /// after <see cref="XpmSandboxOptions.PendingAuthorizationLifetime"/>; past <see cref="XpmSandboxOptions.MaxPendingAuthorizations"/>
    /// the oldest is dropped, so unanswered pages cannot pile up.
    /// </summary>
    public string BeginConsent(SandboxAuthorizeRequest request)
    {
        var id = RandomToken(24);
        lock (_gate)
        {
            var now = Now();
            MakeRoom(_pending, p => p.Expires, now);
            _pending[id] = (request, now + _options.PendingAuthorizationLifetime);
        }

        return id;
    }

    /// <summary>The parked request, once: null when unknown, used or expired.</summary>
    public SandboxAuthorizeRequest? TakeConsent(string? id)
    {
        lock (_gate)
        {
            if (id is null || !_pending.Remove(id, out var pending) || pending.Expires <= Now())
            {
                return null;
            }

            return pending.Request;
        }
    }

    /// <summary>
    /// The user allowed access: connects every sandbox practice (one auth event) and returns a single-use code, kept
    /// like a pending consent (expiry, at most <see cref="XpmSandboxOptions.MaxPendingAuthorizations"/>).
    /// </summary>
    public string Consent(SandboxAuthorizeRequest request)
    {
        var code = RandomToken(32);
        var now = Now();
        var authEventId = Guid.NewGuid();
        lock (_gate)
        {
            foreach (var practice in _tenants.All)
            {
                var existing = _connections.FindIndex(c => c.TenantId == practice.TenantId);
                if (existing >= 0)
                {
                    _connections[existing] = _connections[existing] with { AuthEventId = authEventId, UpdatedDateUtc = now.UtcDateTime };
                }
                else
                {
                    _connections.Add(new SandboxConnection(Guid.NewGuid(), authEventId, practice.TenantId, "PRACTICEMANAGER", practice.Name, now.UtcDateTime, now.UtcDateTime));
                }
            }

            MakeRoom(_codes, c => c.Expires, now);
            _codes[code] = new Code(request, authEventId, now + _options.AuthorizationCodeLifetime);
        }

        return code;
    }

    /// <summary>
    /// Exchanges a code. PKCE: a code issued with a challenge needs the matching verifier; one without needs an
    /// authenticated (secret-holding) client.
    /// </summary>
    public SandboxTokenResult RedeemCode(string? code, string clientId, bool clientAuthenticated, string? redirectUri, string? codeVerifier, string issuer)
    {
        lock (_gate)
        {
            if (code is null || !_codes.TryGetValue(code, out var issued))
            {
                return SandboxTokenResult.Fail("invalid_grant");
            }

            if (issued.Request.CodeChallenge is null && !clientAuthenticated)
            {
                return SandboxTokenResult.Fail("invalid_client");
            }

            // A code is single-use even when the exchange fails.
            _codes.Remove(code);
            if (issued.Expires < Now() || issued.Request.ClientId != clientId || issued.Request.RedirectUri != redirectUri ||
                (issued.Request.CodeChallenge is { } challenge && !SandboxPkce.Verify(codeVerifier, challenge)))
            {
                return SandboxTokenResult.Fail("invalid_grant");
            }

            var grant = new Grant(clientId, issued.Request.Scope, issued.AuthEventId, issued.Request.Nonce);
            return SandboxTokenResult.Ok(Issue(grant, issuer));
        }
    }

    /// <summary>Rotates a refresh token. A used one replays the same new pair within the grace period, then fails.</summary>
    public SandboxTokenResult Refresh(string? refreshToken, string clientId, string issuer)
    {
        lock (_gate)
        {
            if (refreshToken is null || !_refreshTokens.TryGetValue(refreshToken, out var refresh) ||
                refresh.Grant.ClientId != clientId || refresh.Grant.Revoked || refresh.Expires < Now())
            {
                return SandboxTokenResult.Fail("invalid_grant");
            }

            if (refresh.UsedAt is { } usedAt)
            {
                return Now() <= usedAt + _options.RefreshGracePeriod && refresh.Successor is { } successor
                    ? SandboxTokenResult.Ok(successor.Response with { ExpiresIn = Math.Max(0, (int)(successor.AccessExpires - Now()).TotalSeconds) })
                    : SandboxTokenResult.Fail("invalid_grant");
            }

            var response = Issue(refresh.Grant, issuer);
            refresh.UsedAt = Now();
            refresh.Successor = new Successor(response, _accessTokens[response.AccessToken].Expires);
            return SandboxTokenResult.Ok(response);
        }
    }

    /// <summary>
    /// Revokes a token's grant: its refresh and access tokens, and the connections that grant made (those no later
    /// consent took over). Other grants, and their connections, are untouched. Unknown tokens are ignored (RFC 7009).
    /// </summary>
    public void Revoke(string token, string clientId)
    {
        lock (_gate)
        {
            Grant? grant = _refreshTokens.TryGetValue(token, out var refresh) ? refresh.Grant
                : _accessTokens.TryGetValue(token, out var access) ? access.Grant
                : null;
            if (grant is null || grant.ClientId != clientId)
            {
                return;
            }

            grant.Revoked = true;
            _connections.RemoveAll(c => c.AuthEventId == grant.AuthEventId);
        }
    }

    /// <summary>Ends an access token's life now (an injected <see cref="SandboxFaultKind.TokenExpired"/>); returns when it expired.</summary>
    public DateTimeOffset ExpireAccessToken(string token)
    {
        lock (_gate)
        {
            var now = Now();
            if (_accessTokens.TryGetValue(token, out var access) && access.Expires > now)
            {
                _accessTokens[token] = access with { Expires = now };
            }

            return _accessTokens.TryGetValue(token, out var expired) ? expired.Expires : now;
        }
    }

    /// <summary>
    /// Revokes the grant behind an access token, as the practice removing the app's access would (an injected
    /// <see cref="SandboxFaultKind.AccessRevoked"/>): see <see cref="Revoke"/>.
    /// </summary>
    public void RevokeAccessToken(string token)
    {
        lock (_gate)
        {
            if (_accessTokens.TryGetValue(token, out var access))
            {
                Revoke(token, access.Grant.ClientId);
            }
        }
    }

    public SandboxAccess ValidateAccessToken(string? token)
    {
        lock (_gate)
        {
            if (token is null || !_accessTokens.TryGetValue(token, out var access) || access.Grant.Revoked)
            {
                return new SandboxAccess(SandboxAccessStatus.Invalid, [], null);
            }

            return access.Expires <= Now()
                ? new SandboxAccess(SandboxAccessStatus.Expired, [], access.Expires)
                : new SandboxAccess(SandboxAccessStatus.Valid, access.Grant.Scopes, access.Expires);
        }
    }

    public IReadOnlyList<SandboxConnection> Connections(Guid? authEventId = null)
    {
        lock (_gate)
        {
            return [.. _connections.Where(c => authEventId is null || c.AuthEventId == authEventId)];
        }
    }

    public bool IsConnected(Guid tenantId)
    {
        lock (_gate)
        {
            return _connections.Any(c => c.TenantId == tenantId);
        }
    }

    public bool Disconnect(Guid connectionId)
    {
        lock (_gate)
        {
            return _connections.RemoveAll(c => c.Id == connectionId) > 0;
        }
    }

    private SandboxTokenResponse Issue(Grant grant, string issuer)
    {
        var now = Now();
        var lifetime = _faults.AccessTokenLifetime ?? _options.AccessTokenLifetime;
        var accessToken = Jwt(new Dictionary<string, object?>
        {
            ["nbf"] = now.ToUnixTimeSeconds(),
            ["exp"] = (now + lifetime).ToUnixTimeSeconds(),
            ["iss"] = issuer,
            ["aud"] = issuer + "/resources",
            ["client_id"] = grant.ClientId,
            ["sub"] = UserId,
            ["xero_userid"] = UserId,
            ["authentication_event_id"] = grant.AuthEventId,
            ["jti"] = RandomToken(16),
            ["scope"] = grant.Scopes,
        });
        _accessTokens[accessToken] = new Access(grant, now + lifetime);

        string? refreshToken = null;
        if (grant.Scopes.Contains("offline_access"))
        {
            refreshToken = RandomToken(32);
            _refreshTokens[refreshToken] = new RefreshGrant(grant, now + _options.RefreshTokenLifetime);
        }

        string? idToken = null;
        if (grant.Scopes.Contains("openid"))
        {
            idToken = Jwt(new Dictionary<string, object?>
            {
                ["nbf"] = now.ToUnixTimeSeconds(),
                ["exp"] = (now + TimeSpan.FromMinutes(5)).ToUnixTimeSeconds(),
                ["iat"] = now.ToUnixTimeSeconds(),
                ["iss"] = issuer,
                ["aud"] = grant.ClientId,
                ["nonce"] = grant.Nonce,
                ["sub"] = UserId,
                ["xero_userid"] = UserId,
                ["email"] = UserEmail,
                ["name"] = UserName,
                ["given_name"] = "Sandbox",
                ["family_name"] = "Admin",
                ["preferred_username"] = UserEmail,
            });
        }

        if (++_issuedSinceCleanup >= 200)
        {
            Cleanup(now);
        }

        return new SandboxTokenResponse(idToken, accessToken, (int)lifetime.TotalSeconds, "Bearer", refreshToken, string.Join(' ', grant.Scopes));
    }

    private void Cleanup(DateTimeOffset now)
    {
        _issuedSinceCleanup = 0;
        foreach (var (key, _) in _codes.Where(c => c.Value.Expires < now).ToList())
        {
            _codes.Remove(key);
        }

        foreach (var (key, _) in _pending.Where(p => p.Value.Expires < now).ToList())
        {
            _pending.Remove(key);
        }

        foreach (var (key, _) in _accessTokens.Where(a => a.Value.Expires + ExpiredTokenMemory < now).ToList())
        {
            _accessTokens.Remove(key);
        }

        foreach (var (key, _) in _refreshTokens.Where(r => r.Value.Expires < now ||
            (r.Value.UsedAt is { } used && used + _options.RefreshGracePeriod < now)).ToList())
        {
            _refreshTokens.Remove(key);
        }
    }

    /// <summary>Drops expired entries, then the oldest ones until there is room for one more.</summary>
    private void MakeRoom<T>(Dictionary<string, T> pending, Func<T, DateTimeOffset> expires, DateTimeOffset now)
    {
        foreach (var (key, _) in pending.Where(p => expires(p.Value) <= now).ToList())
        {
            pending.Remove(key);
        }

        foreach (var (key, _) in pending.OrderBy(p => expires(p.Value)).Take(pending.Count - _options.MaxPendingAuthorizations + 1).ToList())
        {
            pending.Remove(key);
        }
    }

    private static string Jwt(Dictionary<string, object?> claims)
    {
        var header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT" }));
        var payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(claims.Where(c => c.Value is not null).ToDictionary()));
        return $"{header}.{payload}.";
    }

    private static string RandomToken(int bytes) => Base64Url(RandomNumberGenerator.GetBytes(bytes));

    internal static string Base64Url(ReadOnlySpan<byte> bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    private DateTimeOffset Now() => _time.GetUtcNow();

    private sealed record Code(SandboxAuthorizeRequest Request, Guid AuthEventId, DateTimeOffset Expires);

    private sealed class Grant(string clientId, string scope, Guid authEventId, string? nonce)
    {
        public string ClientId { get; } = clientId;
        public IReadOnlyList<string> Scopes { get; } = scope.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct().ToList();
        public Guid AuthEventId { get; } = authEventId;
        public string? Nonce { get; } = nonce;
        public bool Revoked { get; set; }
    }

    private sealed record Access(Grant Grant, DateTimeOffset Expires);

    private sealed record Successor(SandboxTokenResponse Response, DateTimeOffset AccessExpires);

    private sealed class RefreshGrant(Grant grant, DateTimeOffset expires)
    {
        public Grant Grant { get; } = grant;
        public DateTimeOffset Expires { get; } = expires;
        public DateTimeOffset? UsedAt { get; set; }
        public Successor? Successor { get; set; }
    }
}
